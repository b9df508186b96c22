import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ProjectFiles } from './project-files.ts';

/** `export const SERVICE_URL = '…'` in a service-url.ts: the literal is group 3. */
export const SERVICE_URL_PATTERN = /(export const SERVICE_URL =\s*)(['"])([^'"\n]*)\2/;

const subscription = z.object({
  subscriptionType: z.string(),
  objectType: z.string().optional(),
  propertyName: z.string().optional(),
  active: z.boolean(),
});

const webhooksFileSchema = z.object({
  uid: z.string(),
  type: z.literal('webhooks'),
  config: z.object({
    settings: z.object({ targetUrl: z.string(), maxConcurrentRequests: z.number().int() }),
    subscriptions: z.object({
      crmObjects: z.array(subscription).default([]),
      legacyCrmObjects: z.array(subscription).default([]),
      hubEvents: z.array(subscription).default([]),
    }),
  }),
});

export type WebhooksFile = z.infer<typeof webhooksFileSchema>;

/** What the project's files say now; a file that is missing or unreadable is null, with why. */
export interface ProjectState {
  text: Record<
    'app' | 'serviceUrl' | 'pagesServiceUrl' | 'webhooks' | 'localExample' | 'local',
    string | null
  >;
  /** The cards' SERVICE_URL. */
  serviceUrl: string | null;
  /** The app pages' SERVICE_URL; null also when the project has no app pages. */
  pagesServiceUrl: string | null;
  /** app-hsmeta.json → config.permittedUrls.fetch. */
  fetch: string[] | null;
  webhooks: WebhooksFile | null;
  /** Why webhooks-hsmeta.json cannot be used, when it exists but is not a webhooks component. */
  webhooksProblem: string | null;
  /** The public URLs local.json.example proxies. */
  proxies: string[] | null;
}

export function readProject(files: ProjectFiles): ProjectState {
  const text = {
    app: readText(files.app),
    serviceUrl: readText(files.serviceUrl),
    pagesServiceUrl: readText(files.pagesServiceUrl),
    webhooks: readText(files.webhooks),
    localExample: readText(files.localExample),
    local: readText(files.local),
  };
  const app = parseJson(text.app) as { config?: { permittedUrls?: { fetch?: unknown } } } | null;
  const fetch = app?.config?.permittedUrls?.fetch;
  const proxy = (parseJson(text.localExample) as { proxy?: unknown } | null)?.proxy;
  const webhooks = parseWebhooks(text.webhooks, path.relative(files.dir, files.webhooks));
  return {
    text,
    serviceUrl: serviceUrlIn(text.serviceUrl),
    pagesServiceUrl: serviceUrlIn(text.pagesServiceUrl),
    fetch: Array.isArray(fetch) ? fetch.filter((url) => typeof url === 'string') : null,
    ...webhooks,
    proxies: proxy !== null && typeof proxy === 'object' ? Object.keys(proxy) : null,
  };
}

function serviceUrlIn(text: string | null): string | null {
  return text === null ? null : (SERVICE_URL_PATTERN.exec(text)?.[3] ?? null);
}

function parseWebhooks(
  text: string | null,
  name: string,
): Pick<ProjectState, 'webhooks' | 'webhooksProblem'> {
  if (text === null) return { webhooks: null, webhooksProblem: null };
  const json = parseJson(text);
  if (json === null) return { webhooks: null, webhooksProblem: `${name} is not valid JSON` };
  const parsed = webhooksFileSchema.safeParse(json);
  if (parsed.success) return { webhooks: parsed.data, webhooksProblem: null };
  const issue = parsed.error.issues[0]!;
  return {
    webhooks: null,
    webhooksProblem: `${name} is not a webhooks component (${issue.path.join('.') || 'the file'}: ${issue.message})`,
  };
}

export function readText(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
