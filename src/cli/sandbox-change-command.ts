import type { Env } from '../config/read-env.ts';
import { companyContactLinks } from '../sandbox/company-contact-links.ts';
import {
  editRecordAsUser,
  type EditableType,
  type PropertyEdit,
} from '../sandbox/edit-record-as-user.ts';
import { objectTypeInfo } from '../sandbox/object-types.ts';
import type { PortalDatabase } from '../sandbox/portal-database.ts';
import { propertyCatalog } from '../sandbox/property-catalog.ts';
import { closestMatch } from '../validation/closest-match.ts';
import { CliError, EXIT } from './cli-error.ts';
import { describeDelivery } from './describe-delivery.ts';
import type { Io } from './process-io.ts';
import { openSandboxPortal } from './sandbox-portal.ts';
import { sandboxRecord } from './sandbox-record.ts';

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

function checkNames(type: EditableType, names: readonly string[], known: readonly string[]): void {
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const lines = unknown.map((name) => {
    const close = closestMatch(name, known);
    return `The sandbox's ${type} have no property "${name}"${close ? `: did you mean "${close}"?` : '.'}`;
  });
  throw new CliError(lines.join('\n'));
}

const shown = (value: string | null) => (value === null ? '(empty)' : JSON.stringify(value));

function describeEdit(edit: PropertyEdit): string {
  if (edit.before === edit.after) {
    return `  ${edit.name}: already ${shown(edit.after)}, unchanged (HubSpot sends no event for it)\n`;
  }
  const how = edit.bySurvey ? ' (as a feedback survey answer: read only in HubSpot)' : '';
  return `  ${edit.name}: ${shown(edit.before)} → ${shown(edit.after)}${how}\n`;
}

function editableRecord(db: PortalDatabase, id: string): { type: EditableType; id: number } {
  const record = sandboxRecord(db, id);
  if (record.type === 'tasks') {
    throw new CliError(
      `${id} is a task: "vitals sandbox change" edits companies and contacts, the records a CSM's changes rescore.`,
    );
  }
  return { type: record.type, id: record.id };
}

/** A contact's companies, so the CSM knows which score to watch. */
function describeCompanies(ids: readonly number[]): string {
  if (ids.length === 0) return 'It belongs to no company, so no score depends on it.\n';
  return `Its ${ids.length === 1 ? 'company' : 'companies'}: ${ids.join(', ')}.\n`;
}

/**
 * `vitals sandbox change RECORD_ID property=value …`: plays a CSM editing a company or a contact
 * in HubSpot. The values go into the sandbox portal's file with change source CRM_UI; the
 * sandbox process holding the portal's webhook lease (a running `vitals start`) delivers the
 * events.
 */
export function sandboxChangeCommand(
  recordId: string,
  assignments: readonly string[],
  io: Io,
  env: Env = process.env,
): number {
  const values = parseAssignments(assignments);
  const { db, note } = openSandboxPortal(env);
  try {
    const record = editableRecord(db, recordId);
    const known = propertyCatalog(db)
      .properties(record.type)
      .map((property) => property.name);
    checkNames(record.type, Object.keys(values), known);
    const outcome = editRecordAsUser(db, record.type, record.id, values, new Date());
    const singular = objectTypeInfo(record.type).singular;
    if (outcome.kind === 'not-found') {
      throw new CliError(`The sandbox portal has no ${singular} ${recordId}.`);
    }
    if (outcome.kind === 'invalid') {
      const lines = outcome.issues.map((issue) => `  ${issue.name}: ${issue.message}`);
      throw new CliError(`Nothing was changed; these values are not valid:\n${lines.join('\n')}`);
    }
    const label = singular.charAt(0).toUpperCase() + singular.slice(1);
    io.out(`${label} ${recordId} in the sandbox portal, edited as a user in HubSpot (CRM_UI):\n`);
    outcome.edits.forEach((edit) => io.out(describeEdit(edit)));
    if (record.type === 'contacts') {
      io.out(describeCompanies(companyContactLinks(db).companiesOf(record.id)));
    }
    const changed = outcome.edits.some((edit) => edit.before !== edit.after);
    io.out(describeDelivery(outcome.deliverer, changed));
    io.out(note);
    return EXIT.ok;
  } finally {
    db.close();
  }
}
