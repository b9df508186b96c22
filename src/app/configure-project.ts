import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER_URL, type ProjectFiles } from './project-files.ts';
import { ProjectFileError, type FilePlan } from './project-file-error.ts';
import { proxyFile } from './proxy-file.ts';
import { readProject, SERVICE_URL_PATTERN, type ProjectState } from './read-project.ts';
import { replaceJsonList } from './replace-json-list.ts';
import type { WebhookSubscriptions } from './webhook-subscriptions.ts';
import { webhooksFile } from './webhooks-file.ts';

/**
 * Points the HubSpot project at `publicUrl` and writes the webhook subscriptions: every file is
 * planned first, so a file that cannot be edited stops the command before anything is written.
 * Returns each file (relative to the project) with what changed in it.
 */
export function configureProject(
  files: ProjectFiles,
  publicUrl: string,
  subscriptions: WebhookSubscriptions,
): { file: string; changes: string[] }[] {
  const state = readProject(files);
  const old = replacedUrls(state, publicUrl);
  const plans = [
    appPlan(files, state, old, publicUrl),
    serviceUrlPlan(files, files.serviceUrl, state.text.serviceUrl, publicUrl),
    // A project from before the app pages has no copy to move.
    ...(state.text.pagesServiceUrl === null
      ? []
      : [serviceUrlPlan(files, files.pagesServiceUrl, state.text.pagesServiceUrl, publicUrl)]),
    webhooksFile(files, state, publicUrl, subscriptions),
    proxyFile(files.localExample, state.text.localExample, old, publicUrl),
    ...(state.text.local === null
      ? []
      : [proxyFile(files.local, state.text.local, old, publicUrl)]),
  ];
  for (const plan of plans) {
    if (plan.after === plan.before) continue;
    mkdirSync(path.dirname(plan.file), { recursive: true });
    writeFileSync(plan.file, plan.after);
  }
  return plans.map((plan) => ({
    file: path.relative(files.dir, plan.file),
    changes: plan.after === plan.before ? [] : plan.changes,
  }));
}

/** The URLs the project used for the service so far, which `publicUrl` replaces everywhere. */
function replacedUrls(state: ProjectState, publicUrl: string): Set<string> {
  const target = state.webhooks ? URL.parse(state.webhooks.config.settings.targetUrl) : null;
  const urls = [
    PLACEHOLDER_URL,
    state.serviceUrl,
    state.pagesServiceUrl,
    target?.origin,
    ...(state.proxies ?? []),
  ];
  return new Set(urls.filter((url): url is string => !!url && url !== publicUrl));
}

function appPlan(
  files: ProjectFiles,
  state: ProjectState,
  old: Set<string>,
  publicUrl: string,
): FilePlan {
  const before = state.text.app;
  if (before === null)
    throw new ProjectFileError(
      `${path.relative(files.dir, files.app)} is missing: restore it from git, then run this again.`,
    );
  const fetch = state.fetch ?? [];
  const next: string[] = [];
  for (const url of fetch) {
    const kept = old.has(url) ? publicUrl : url;
    if (!next.includes(kept)) next.push(kept);
  }
  if (!next.includes(publicUrl)) next.push(publicUrl);
  const after = replaceJsonList(before, ['config', 'permittedUrls', 'fetch'], next);
  const was = fetch.length > 0 ? fetch.join(', ') : '(none)';
  return {
    file: files.app,
    before,
    after,
    changes: [`permittedUrls.fetch: ${was} → ${next.join(', ')}`],
  };
}

function serviceUrlPlan(
  files: ProjectFiles,
  file: string,
  before: string | null,
  publicUrl: string,
): FilePlan {
  const name = path.relative(files.dir, file);
  const current = before === null ? null : (SERVICE_URL_PATTERN.exec(before)?.[3] ?? null);
  if (before === null || current === null)
    throw new ProjectFileError(
      `${name} has no \`export const SERVICE_URL = '…'\`: restore the file from git, or set that line to '${publicUrl}' by hand.`,
    );
  const after = before.replace(SERVICE_URL_PATTERN, (_all, head: string, quote: string) => {
    return `${head}${quote}${publicUrl}${quote}`;
  });
  return { file, before, after, changes: [`SERVICE_URL: ${current} → ${publicUrl}`] };
}
