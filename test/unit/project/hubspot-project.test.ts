import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_URL } from '../../../extensions/app/cards/service/service-url.ts';
import { SERVICE_URL as PAGES_SERVICE_URL } from '../../../extensions/app/pages/service/service-url.ts';
import { REQUIRED_SCOPES } from '../../../src/jobs/required-scopes.ts';
import { hsMetaFiles, inspectProject, type ProjectReport } from './inspect-project.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface AppConfig {
  distribution: string;
  auth: { type: string; requiredScopes: string[]; optionalScopes?: string[] };
  permittedUrls: { fetch: string[]; iframe?: string[]; img?: string[] };
}
interface CardConfig {
  location: string;
  objectTypes: string[];
  entrypoint: string;
}
interface PagesConfig {
  entrypoint: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

describe('the HubSpot project (hsproject.json, extensions/)', () => {
  let report: ProjectReport;
  const configsOf = <T>(type: string) =>
    report.nodes.filter((node) => node.componentType === type).map((node) => node.config as T);
  const app = () => configsOf<AppConfig>('APPLICATION')[0]!;

  beforeAll(async () => {
    report = await inspectProject(ROOT);
  });

  it('parses and validates offline with no problems', () => {
    expect(report.problems).toEqual([]);
    expect(report.config?.srcDir).toBe('extensions');
  });

  it('picks up every hsmeta file, each with its own uid', () => {
    const parsed = report.nodes.map((node) => path.normalize(node.metaFilePath)).sort();
    expect(parsed).toEqual(hsMetaFiles(report.srcDir));
    expect(parsed).toEqual(
      [
        'app/app-hsmeta.json',
        'app/cards/company-health-card-hsmeta.json',
        'app/cards/company-health-sidebar-hsmeta.json',
        'app/pages/pages-hsmeta.json',
        'app/webhooks/webhooks-hsmeta.json',
      ].map((file) => path.normalize(file)),
    );
    expect(new Set(report.nodes.map((node) => node.uid)).size).toBe(report.nodes.length);
  });

  it('is a private app with a static token asking for exactly the scopes the service uses', () => {
    expect(app().distribution).toBe('private');
    expect(app().auth.type).toBe('static');
    expect([...app().auth.requiredScopes].sort()).toEqual([...REQUIRED_SCOPES].sort());
  });

  it('can read every object type its cards show', () => {
    for (const card of configsOf<CardConfig>('CARD')) {
      for (const objectType of card.objectTypes) {
        expect(app().auth.requiredScopes).toContain(`crm.objects.${objectType}.read`);
      }
    }
  });

  it('has the company health card as a record tab and a sidebar card on companies', () => {
    const cards = configsOf<CardConfig>('CARD');
    expect(cards.map((card) => card.location).sort()).toEqual([
      'crm.record.sidebar',
      'crm.record.tab',
    ]);
    for (const card of cards) expect(card.objectTypes).toEqual(['companies']);
  });

  it('has app pages whose index route is the home page', async () => {
    const pages = configsOf<PagesConfig>('PAGE');
    expect(pages).toEqual([{ entrypoint: '/app/pages/AppPages.tsx' }]);
    const meta = readJson<{ type: string }>(
      path.join(report.srcDir, 'app/pages/pages-hsmeta.json'),
    );
    // HubSpot's app pages docs for 2025.2 write the type "pages" (the parser also takes "page").
    expect(meta.type).toBe('pages');
  });

  it('lets hubspot.fetch reach the service, and local.json.example proxies only permitted URLs', () => {
    const fetchUrls = app().permittedUrls.fetch;
    expect(fetchUrls).toContain('https://vitals.example.com');
    const local = readJson<{ proxy: Record<string, string> }>(
      path.join(report.srcDir, 'app/local.json.example'),
    );
    for (const [publicUrl, localUrl] of Object.entries(local.proxy)) {
      expect(fetchUrls).toContain(publicUrl);
      expect(localUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+$/);
    }
    const ignored = readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain('extensions/app/local.json');
  });

  it('sends the webhooks to the service the cards call, and HubSpot lets them call it', () => {
    const [webhooks] = configsOf<{ settings: { targetUrl: string } }>('WEBHOOKS');
    expect(webhooks?.settings.targetUrl).toBe(`${SERVICE_URL}/webhooks/hubspot`);
    expect(app().permittedUrls.fetch).toContain(SERVICE_URL);
  });

  it('sends the home page to the service the cards call', () => {
    expect(PAGES_SERVICE_URL).toBe(SERVICE_URL);
  });

  it.each(['cards', 'pages'])(
    "builds the %s with the same pinned packages the root's tests use",
    (folder) => {
      const extension = readJson<{ type?: string; dependencies: Record<string, string> }>(
        path.join(report.srcDir, `app/${folder}/package.json`),
      );
      const root = readJson<{
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
      }>(path.join(ROOT, 'package.json'));
      expect(extension.type).toBe('module');
      // zod: the contracts with the service (card-contract.ts, home-page-contract.ts) are parsed
      // on both sides.
      expect(extension.dependencies).toEqual({
        '@hubspot/ui-extensions': root.devDependencies['@hubspot/ui-extensions'],
        react: root.devDependencies['react'],
        zod: root.dependencies['zod'],
      });
      expect(extension.dependencies['react']).toBe('18.3.1');
    },
  );

  it('has entry files that load outside HubSpot (where hubspot.extend does nothing)', async () => {
    const entries = [...configsOf<CardConfig>('CARD'), ...configsOf<PagesConfig>('PAGE')];
    expect(entries).toHaveLength(3);
    for (const card of entries) {
      const entry = pathToFileURL(path.join(report.srcDir, card.entrypoint)).href;
      const module = (await import(entry)) as Record<string, unknown>;
      expect(Object.values(module).some((value) => typeof value === 'function')).toBe(true);
    }
  });
});

describe('the offline project check', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'vitals-hsproject-'));
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A copy of the real project (without node_modules) with one thing broken. */
  function brokenCopy(name: string, breakIt: (srcDir: string) => void): string {
    const dir = path.join(scratch, name);
    cpSync(path.join(ROOT, 'hsproject.json'), path.join(dir, 'hsproject.json'));
    cpSync(path.join(ROOT, 'extensions'), path.join(dir, 'extensions'), {
      recursive: true,
      filter: (source) => !source.split(path.sep).includes('node_modules'),
    });
    breakIt(path.join(dir, 'extensions'));
    return dir;
  }
  const write = (file: string, value: unknown) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(value, null, 2));
  };
  const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
    const json = readJson<Record<string, unknown>>(file);
    change(json);
    write(file, json);
  };
  const TAB_CARD = 'app/cards/company-health-card-hsmeta.json';
  const PAGES = 'app/pages/pages-hsmeta.json';
  const WEBHOOKS = 'app/webhooks/webhooks-hsmeta.json';
  interface WebhooksConfig {
    settings: { targetUrl: string };
    subscriptions: Record<'crmObjects' | 'legacyCrmObjects' | 'hubEvents', object[]>;
  }
  const editWebhooks = (src: string, change: (config: WebhooksConfig) => void) =>
    edit(path.join(src, WEBHOOKS), (json) => change(json['config'] as WebhooksConfig));
  const editCard = (src: string, change: (config: Record<string, unknown>) => void) =>
    edit(path.join(src, TAB_CARD), (json) => change(json['config'] as Record<string, unknown>));
  const webhooks = (uid: string) => ({
    uid,
    type: 'webhooks',
    config: {
      settings: { targetUrl: 'https://vitals.example.com/webhooks', maxConcurrentRequests: 10 },
      subscriptions: {
        crmObjects: [
          {
            subscriptionType: 'object.propertyChange',
            objectType: 'company',
            propertyName: 'name',
            active: true,
          },
        ],
      },
    },
  });

  const cases: [string, (src: string) => void, RegExp][] = [
    [
      'an hsmeta file outside the component folders',
      (src) =>
        write(path.join(src, 'cards/stray-card-hsmeta.json'), {
          uid: 'stray',
          type: 'card',
          config: {},
        }),
      /cards[/\\]stray-card-hsmeta\.json: not in a component folder/,
    ],
    [
      'two components with one uid',
      (src) =>
        edit(path.join(src, 'app/cards/company-health-sidebar-hsmeta.json'), (json) => {
          json['uid'] = 'vitals_company_health_card';
        }),
      /Duplicate uid 'vitals_company_health_card'/,
    ],
    [
      'a second app',
      (src) =>
        write(path.join(src, 'app/second-app-hsmeta.json'), {
          ...readJson<object>(path.join(src, 'app/app-hsmeta.json')),
          uid: 'second_app',
        }),
      /Only one app component is allowed/,
    ],
    [
      'no app',
      (src) => rmSync(path.join(src, 'app/app-hsmeta.json')),
      /must be a child of the 'app' component/,
    ],
    [
      'a second webhooks component',
      (src) => {
        write(path.join(src, 'app/webhooks/one-hsmeta.json'), webhooks('hooks_one'));
        write(path.join(src, 'app/webhooks/two-hsmeta.json'), webhooks('hooks_two'));
      },
      /Only one webhooks component is allowed/,
    ],
    [
      'an http webhooks target',
      (src) =>
        editWebhooks(src, (config) => {
          config.settings.targetUrl = 'http://vitals.example.com/webhooks/hubspot';
        }),
      /config\.settings\.targetUrl: must match pattern/,
    ],
    [
      'a classic subscription type among the generic ones',
      (src) =>
        editWebhooks(src, (config) => {
          config.subscriptions.crmObjects.push({
            subscriptionType: 'company.deletion',
            objectType: 'company',
            active: true,
          });
        }),
      /config\.subscriptions\.crmObjects\.\d+\.subscriptionType: must be equal to one of the allowed values/,
    ],
    [
      'a property on a subscription that is not a property change',
      (src) =>
        editWebhooks(src, (config) => {
          config.subscriptions.legacyCrmObjects.push({
            subscriptionType: 'company.merge',
            propertyName: 'name',
            active: true,
          });
        }),
      /config\.subscriptions\.legacyCrmObjects\.\d+: must NOT be valid/,
    ],
    [
      'a property change without its property',
      (src) =>
        editWebhooks(src, (config) => {
          config.subscriptions.legacyCrmObjects.push({
            subscriptionType: 'contact.propertyChange',
            active: true,
          });
        }),
      /Missing required field: 'config\.subscriptions\.legacyCrmObjects\.\d+\.propertyName'/,
    ],
    [
      'an unknown hub event',
      (src) =>
        editWebhooks(src, (config) => {
          config.subscriptions.hubEvents.push({
            subscriptionType: 'contact.deletion',
            active: true,
          });
        }),
      /config\.subscriptions\.hubEvents\.\d+\.subscriptionType: must be equal to one of the allowed values/,
    ],
    [
      'an unknown card location',
      (src) => editCard(src, (config) => (config['location'] = 'crm.record.bottom')),
      /config\.location/,
    ],
    [
      'an unknown object type',
      (src) => editCard(src, (config) => (config['objectTypes'] = ['company'])),
      /config\.objectTypes/,
    ],
    [
      'a missing card entry file',
      (src) => editCard(src, (config) => (config['entrypoint'] = '/app/cards/Missing.tsx')),
      /entrypoint \/app\/cards\/Missing\.tsx does not exist/,
    ],
    [
      'a localhost fetch URL',
      (src) =>
        edit(path.join(src, 'app/app-hsmeta.json'), (json) => {
          const config = json['config'] as AppConfig;
          config.permittedUrls.fetch = ['https://localhost:3000'];
        }),
      /config\.permittedUrls\.fetch\.0: must match pattern/,
    ],
    [
      'a misspelt config key',
      (src) => editCard(src, (config) => (config['objectType'] = ['companies'])),
      /must NOT have additional properties/,
    ],
    [
      'an unexpected top-level key',
      (src) => edit(path.join(src, TAB_CARD), (json) => (json['name'] = 'Card')),
      /Unexpected top-level properties found: name/,
    ],
    [
      'a missing app pages entry file',
      (src) =>
        edit(path.join(src, PAGES), (json) => {
          (json['config'] as PagesConfig).entrypoint = '/app/pages/Missing.tsx';
        }),
      /entrypoint \/app\/pages\/Missing\.tsx does not exist/,
    ],
    [
      'an app pages entry file outside app/pages',
      (src) =>
        edit(path.join(src, PAGES), (json) => {
          (json['config'] as PagesConfig).entrypoint = '/app/cards/CompanyHealthCard.tsx';
        }),
      /config\.entrypoint: must match pattern/,
    ],
    [
      'a second app pages component',
      (src) =>
        write(path.join(src, 'app/pages/more-pages-hsmeta.json'), {
          ...readJson<object>(path.join(src, PAGES)),
          uid: 'vitals_more_pages',
        }),
      /Only one pages component is allowed/,
    ],
    [
      'a component type with no schema here',
      (src) =>
        write(path.join(src, 'app/settings/settings-hsmeta.json'), {
          uid: 'vitals_settings',
          type: 'settings',
          config: { entrypoint: '/app/settings/Settings.tsx' },
        }),
      /Unsupported type: settings/,
    ],
  ];

  it.each(cases)('reports %s', async (name, breakIt, expected) => {
    const report = await inspectProject(brokenCopy(name.replace(/\W+/g, '-'), breakIt));
    expect(report.problems.join('\n')).toMatch(expected);
  });
});
