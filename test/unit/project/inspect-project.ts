import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { http } from '@hubspot/local-dev-lib/http';
import { isKnownPlatformVersion, parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import type { ProjectConfig } from '@hubspot/project-parsing-lib/projects';
import {
  isTranslationError,
  translate,
  type IntermediateRepresentationNode,
} from '@hubspot/project-parsing-lib/translate';
import { vi } from 'vitest';
import { COMPONENT_SCHEMAS } from './component-schemas.ts';

export interface ProjectReport {
  config: ProjectConfig | null;
  /** Absolute path of the project's srcDir. */
  srcDir: string;
  /** The parsed components, by internal type (APPLICATION, CARD, WEBHOOKS, …). */
  nodes: IntermediateRepresentationNode[];
  /** Everything wrong, one line each; empty when the project would build. */
  problems: string[];
}

/** Any positive number: the schema request it goes with never leaves the process. */
const OFFLINE_ACCOUNT_ID = 1;

const SCHEMA_PATH = /^project-components-external\/project-schemas\/v3\/(.+)$/;

/**
 * Parses a HubSpot project the way `hs project upload` does, offline: hsproject.json, then
 * every *-hsmeta.json through @hubspot/project-parsing-lib's translate with validation on.
 * The library's one network call (the component schemas, per platform version) is answered
 * from COMPONENT_SCHEMAS; any other request fails the check. On top of what the library
 * checks, it reports hsmeta files it skipped, a missing or second app, a second webhooks
 * component, and cards or app pages whose entry file does not exist.
 */
export async function inspectProject(projectDir: string): Promise<ProjectReport> {
  const problems: string[] = [];
  let config: ProjectConfig;
  try {
    config = parseProjectConfig(projectDir);
  } catch (error) {
    return { config: null, srcDir: projectDir, nodes: [], problems: [messageOf(error)] };
  }
  const srcDir = path.resolve(projectDir, config.srcDir);
  if (!isKnownPlatformVersion(config.platformVersion)) {
    problems.push(`hsproject.json: unknown platformVersion "${config.platformVersion}"`);
  }

  const schemaRequest = vi.spyOn(http, 'get').mockImplementation(async (_account, options) => {
    const version = SCHEMA_PATH.exec(options.url ?? '')?.[1];
    if (version === undefined)
      throw new Error(`unexpected HubSpot request in a test: ${options.url}`);
    return { data: COMPONENT_SCHEMAS } as never;
  });
  let nodes: IntermediateRepresentationNode[] = [];
  try {
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      {
        projectSourceDir: srcDir,
        platformVersion: config.platformVersion,
        accountId: OFFLINE_ACCOUNT_ID,
      },
      { skipValidation: false },
    );
    nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid);
    for (const file of skippedHsMetaFiles) {
      problems.push(`${file}: not in a component folder, so HubSpot would silently skip it`);
    }
    if (schemaRequest.mock.calls.length === 0) {
      problems.push('the component schemas were never requested: nothing validated the configs');
    }
  } catch (error) {
    problems.push(messageOf(error));
  } finally {
    schemaRequest.mockRestore();
  }

  problems.push(...checkComponents(srcDir, nodes));
  return { config, srcDir, nodes, problems };
}

function checkComponents(srcDir: string, nodes: IntermediateRepresentationNode[]): string[] {
  if (nodes.length === 0) return []; // translate failed and said why
  const problems: string[] = [];
  const ofType = (type: string) => nodes.filter((node) => node.componentType === type);

  const apps = ofType('APPLICATION');
  if (apps.length !== 1) problems.push(`expected exactly one app component, found ${apps.length}`);
  const webhooks = ofType('WEBHOOKS');
  if (webhooks.length > 1)
    problems.push(`expected at most one webhooks component, found ${webhooks.length}`);

  const parsed = new Set(nodes.map((node) => path.normalize(node.metaFilePath)));
  for (const file of hsMetaFiles(srcDir)) {
    if (!parsed.has(file)) problems.push(`${file}: not among the parsed components`);
  }

  for (const component of [...ofType('CARD'), ...ofType('PAGE')]) {
    const { entrypoint } = component.config as { entrypoint?: unknown };
    if (typeof entrypoint === 'string' && !existsSync(path.join(srcDir, entrypoint))) {
      problems.push(`${component.metaFilePath}: entrypoint ${entrypoint} does not exist`);
    }
  }
  return problems;
}

/** Every *-hsmeta.json under srcDir (outside node_modules), relative to srcDir. */
export function hsMetaFiles(srcDir: string): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('-hsmeta.json'))
    .filter((file) => !file.split(path.sep).includes('node_modules'))
    .map((file) => path.normalize(file))
    .sort();
}

function messageOf(error: unknown): string {
  if (isTranslationError(error)) return error.toString();
  return error instanceof Error ? error.message : String(error);
}
