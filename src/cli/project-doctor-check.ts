import path from 'node:path';
import { PLACEHOLDER_URL, PROJECT_DIR, projectFiles, WEBHOOK_PATH } from '../app/project-files.ts';
import { readProject, type ProjectState } from '../app/read-project.ts';
import {
  activeSubscriptionKeys,
  webhookSubscriptions,
  type WebhookConfig,
} from '../app/webhook-subscriptions.ts';
import type { Config } from '../config/config.ts';

export interface ProjectCheck {
  ok: boolean;
  detail: string;
}

/**
 * Whether the HubSpot project (extensions/) is up to date with the config: every file sends
 * HubSpot to one URL (VITALS_PUBLIC_URL when set), and webhooks-hsmeta.json subscribes to
 * exactly what the config reads. Reads files only.
 */
export function projectDoctorCheck(
  config: WebhookConfig & Pick<Config, 'server'>,
  projectDir: string = PROJECT_DIR,
): ProjectCheck {
  const files = projectFiles(projectDir);
  if (files === null) return { ok: true, detail: `no hsproject.json in ${projectDir}: skipped` };
  const state = readProject(files);
  const url = state.serviceUrl;
  const name = (file: string) => path.relative(projectDir, file);
  const problems = [
    ...urlProblems(state, config.server.publicUrl, name(files.serviceUrl)),
    ...pagesUrlProblems(state, name(files.pagesServiceUrl)),
    ...webhookProblems(state, config, name(files.webhooks)),
  ];
  if (problems.length > 0) {
    const fix = config.server.publicUrl ?? (url && url !== PLACEHOLDER_URL ? url : 'https://…');
    return {
      ok: false,
      detail: `${problems.join('; ')}: run \`vitals app configure --public-url ${fix}\`, then \`hs project upload\``,
    };
  }
  const count = activeSubscriptionKeys(webhookSubscriptions(config)).length;
  const note =
    url === PLACEHOLDER_URL
      ? `; that is the placeholder: run \`vitals app configure --public-url https://…\` before the first upload`
      : '';
  return {
    ok: true,
    detail: `every file sends HubSpot to ${url}; ${count} webhook subscriptions match the config${note}`,
  };
}

function urlProblems(state: ProjectState, publicUrl: string | null, serviceFile: string): string[] {
  const url = state.serviceUrl;
  if (url === null) return [`${serviceFile} has no SERVICE_URL`];
  const problems: string[] = [];
  if (!(state.fetch ?? []).includes(url))
    problems.push(`app-hsmeta.json permittedUrls.fetch does not list the cards' ${url}`);
  const target = state.webhooks?.config.settings.targetUrl;
  if (target !== undefined && target !== `${url}${WEBHOOK_PATH}`)
    problems.push(`webhooks targetUrl is ${target}, not ${url}${WEBHOOK_PATH}`);
  const strays = (state.proxies ?? []).filter((proxied) => proxied !== url);
  if (strays.length > 0)
    problems.push(`local.json.example proxies ${strays.join(', ')}, not ${url}`);
  if (publicUrl !== null && publicUrl !== url)
    problems.push(`VITALS_PUBLIC_URL is ${publicUrl}, but the project sends HubSpot to ${url}`);
  return problems;
}

/** The app pages keep their own copy of the cards' URL: the two must agree. */
function pagesUrlProblems(state: ProjectState, pagesFile: string): string[] {
  if (state.text.pagesServiceUrl === null) return [];
  const url = state.pagesServiceUrl;
  if (url === null) return [`${pagesFile} has no SERVICE_URL`];
  if (state.serviceUrl !== null && url !== state.serviceUrl)
    return [`the app pages call ${url}, not the cards' ${state.serviceUrl}`];
  return [];
}

function webhookProblems(state: ProjectState, config: WebhookConfig, file: string): string[] {
  if (state.webhooksProblem !== null) return [state.webhooksProblem];
  if (state.webhooks === null) return [`${file} is missing`];
  const wanted = activeSubscriptionKeys(webhookSubscriptions(config));
  const found = activeSubscriptionKeys(state.webhooks.config.subscriptions);
  const missing = wanted.filter((key) => !found.includes(key));
  const extra = found.filter((key) => !wanted.includes(key));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`webhooks do not subscribe to ${missing.join(', ')}`);
  if (extra.length > 0)
    problems.push(`webhooks subscribe to what the config no longer reads: ${extra.join(', ')}`);
  return problems;
}
