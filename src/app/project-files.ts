import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This repository's root, where hsproject.json is: the HubSpot project the commands edit. */
export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** The address the project ships with, until `vitals app configure` replaces it. */
export const PLACEHOLDER_URL = 'https://vitals.example.com';

/** Where HubSpot sends webhooks, under the service's public URL (webhooks/webhook-routes.ts). */
export const WEBHOOK_PATH = '/webhooks/hubspot';

/** The files of the HubSpot project that hold the service's URL or the webhook subscriptions. */
export interface ProjectFiles {
  /** The folder that holds hsproject.json. */
  dir: string;
  /** app-hsmeta.json: config.permittedUrls.fetch. */
  app: string;
  /** The cards' SERVICE_URL constant. */
  serviceUrl: string;
  /** The app pages' copy of it (each extension point uploads on its own); may not exist. */
  pagesServiceUrl: string;
  /** The one webhooks component: settings.targetUrl and the subscriptions. */
  webhooks: string;
  /** The hs project dev proxy, as checked in. */
  localExample: string;
  /** The admin's own copy of it (git-ignored); may not exist. */
  local: string;
}

/** The project's files under `projectDir`; null when there is no hsproject.json there. */
export function projectFiles(projectDir: string = PROJECT_DIR): ProjectFiles | null {
  const manifest = path.join(projectDir, 'hsproject.json');
  if (!existsSync(manifest)) return null;
  const { srcDir } = JSON.parse(readFileSync(manifest, 'utf8')) as { srcDir?: unknown };
  const app = path.join(projectDir, typeof srcDir === 'string' ? srcDir : 'extensions', 'app');
  return {
    dir: projectDir,
    app: path.join(app, 'app-hsmeta.json'),
    serviceUrl: path.join(app, 'cards', 'service', 'service-url.ts'),
    pagesServiceUrl: path.join(app, 'pages', 'service', 'service-url.ts'),
    webhooks: path.join(app, 'webhooks', 'webhooks-hsmeta.json'),
    localExample: path.join(app, 'local.json.example'),
    local: path.join(app, 'local.json'),
  };
}
