import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error.ts';
import { loadConfig } from '../config/load-config.ts';
import type { Env } from '../config/read-env.ts';
import { editCompanyAsUser, type PropertyEdit } from '../sandbox/edit-company-as-user.ts';
import { openPortalDatabase, portalDatabasePath } from '../sandbox/portal-database.ts';
import { propertyCatalog } from '../sandbox/property-catalog.ts';
import type { WebhookLease } from '../sandbox/webhook-lease.ts';
import { closestMatch } from '../validation/closest-match.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Io } from './process-io.ts';

const ASSIGNMENT = /^([^=\s]+)=(.*)$/s;

function parseAssignments(assignments: readonly string[]): Record<string, string> {
  if (assignments.length === 0) {
    throw new CliError('Say what to change, as property=value pairs: e.g. hs_lead_status=OPEN');
  }
  const values: Record<string, string> = {};
  for (const assignment of assignments) {
    const [, name, value] = ASSIGNMENT.exec(assignment) ?? [];
    if (name === undefined || value === undefined) {
      throw new CliError(
        `"${assignment}" is not a property=value pair: write it like hs_lead_status=OPEN (name=, with nothing after, clears the value).`,
      );
    }
    if (name in values) throw new CliError(`${name} is given twice: give each property once.`);
    values[name] = value;
  }
  return values;
}

function checkNames(names: readonly string[], known: readonly string[]): void {
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const lines = unknown.map((name) => {
    const close = closestMatch(name, known);
    return `The sandbox's companies have no property "${name}"${close ? `: did you mean "${close}"?` : '.'}`;
  });
  throw new CliError(lines.join('\n'));
}

const shown = (value: string | null) => (value === null ? '(empty)' : JSON.stringify(value));

function describeEdit(edit: PropertyEdit): string {
  return edit.before === edit.after
    ? `  ${edit.name}: already ${shown(edit.after)}, unchanged (HubSpot sends no event for it)\n`
    : `  ${edit.name}: ${shown(edit.before)} → ${shown(edit.after)}\n`;
}

function describeDelivery(deliverer: WebhookLease | undefined, changed: boolean): string {
  if (!changed) return 'Nothing changed, so there is no webhook event to send.\n';
  if (deliverer) {
    return `The sandbox at ${deliverer.url} (process ${deliverer.pid}) sends the subscribed webhook events to ${deliverer.targetUrl} within its gather window.\n`;
  }
  return 'No sandbox with webhooks is running, so no webhook event was sent: the new values are saved in the portal, and Vitals sees them on its next full run. To see events arrive, start the sandbox with webhooks (vitals start) and change the record again.\n';
}

function sandboxDir(env: Env): { dataDir: string; usesHubSpot: boolean } {
  try {
    const config = loadConfig({ env });
    return {
      dataDir: join(config.dataDir, 'sandbox'),
      usesHubSpot: config.hubspot.mode === 'hubspot',
    };
  } catch (error) {
    throw error instanceof ConfigError ? new CliError(error.message) : error;
  }
}

/**
 * `vitals sandbox change COMPANY_ID property=value …`: plays a CSM editing a company in HubSpot.
 * The values go into the sandbox portal's file with change source CRM_UI; the sandbox process
 * holding the portal's webhook lease (a running `vitals start`) delivers the events.
 */
export function sandboxChangeCommand(
  companyId: string,
  assignments: readonly string[],
  io: Io,
  env: Env = process.env,
): number {
  if (!/^\d{1,16}$/.test(companyId)) {
    throw new CliError(`"${companyId}" is not a company id: give its digits, like 31000000001.`);
  }
  const values = parseAssignments(assignments);
  const { dataDir, usesHubSpot } = sandboxDir(env);
  if (!existsSync(portalDatabasePath(dataDir))) {
    throw new CliError(
      `There is no sandbox portal in ${dataDir} yet: run "vitals start" (or "vitals run --once") once to seed it.`,
    );
  }
  const db = openPortalDatabase(dataDir);
  try {
    const known = propertyCatalog(db)
      .properties('companies')
      .map((property) => property.name);
    checkNames(Object.keys(values), known);
    const outcome = editCompanyAsUser(db, Number(companyId), values, new Date());
    if (outcome.kind === 'not-found') {
      throw new CliError(`The sandbox portal has no company ${companyId}.`);
    }
    if (outcome.kind === 'invalid') {
      const lines = outcome.issues.map((issue) => `  ${issue.name}: ${issue.message}`);
      throw new CliError(`Nothing was changed; these values are not valid:\n${lines.join('\n')}`);
    }
    io.out(`Company ${companyId} in the sandbox portal, edited as a user in HubSpot (CRM_UI):\n`);
    outcome.edits.forEach((edit) => io.out(describeEdit(edit)));
    const changed = outcome.edits.some((edit) => edit.before !== edit.after);
    io.out(describeDelivery(outcome.deliverer, changed));
    if (usesHubSpot) {
      io.out(
        'Note: HUBSPOT_ACCESS_TOKEN is set, so Vitals works on your HubSpot portal, not this sandbox.\n',
      );
    }
    return EXIT.ok;
  } finally {
    db.close();
  }
}
