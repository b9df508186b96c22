import { editingUser } from './editing-user.ts';
import { objectStore, type ObjectRow, type PropertyValues } from './object-store.ts';
import { ownerIds } from './owner-ids.ts';
import type { PortalDatabase } from './portal-database.ts';
import { propertyCatalog } from './property-catalog.ts';
import { SURVEY_SOURCE, surveyAnswer, surveyIssues, surveyWritable } from './survey-answer.ts';
import { validatePropertyValues, type ValueIssue } from './validate-property-values.ts';
import { liveWebhookLease, type WebhookLease } from './webhook-lease.ts';

/** The records a CSM edits with `vitals sandbox change`. */
export type EditableType = 'companies' | 'contacts';

export interface PropertyEdit {
  name: string;
  before: string | null;
  after: string | null;
  /** Written as a feedback survey answer would (read only to a person in HubSpot). */
  bySurvey: boolean;
}

export type UserEditOutcome =
  | { kind: 'not-found' }
  | { kind: 'invalid'; issues: ValueIssue[] }
  | {
      kind: 'saved';
      /** Every property asked for; `before === after` ones were left alone (no event). */
      edits: PropertyEdit[];
      /** The sandbox process delivering this portal's webhooks now; none when none runs. */
      deliverer: WebhookLease | undefined;
    };

function checkValues(
  db: PortalDatabase,
  type: EditableType,
  values: Record<string, string>,
  now: Date,
) {
  const definitions = propertyCatalog(db).propertyMap(type);
  const owners = ownerIds(db);
  const survey = type === 'contacts' ? surveyAnswer(values, now) : {};
  const byPerson = Object.fromEntries(Object.entries(values).filter(([name]) => !(name in survey)));
  const person = validatePropertyValues({ definitions, owners }, byPerson);
  const answer = validatePropertyValues(
    { definitions: surveyWritable(definitions), owners },
    survey,
  );
  return {
    person: person.values,
    survey: answer.values,
    // The type's own check first: "eleven" is not a number before it is not a rating.
    issues: [
      ...person.issues,
      ...(answer.issues.length > 0 ? answer.issues : surveyIssues(survey)),
    ],
  };
}

function editsOf(row: ObjectRow, values: PropertyValues, bySurvey: boolean): PropertyEdit[] {
  const stored = JSON.parse(row.properties) as Record<string, string>;
  return Object.entries(values).map(([name, after]) => ({
    name,
    before: stored[name] ?? null,
    after,
    bySurvey,
  }));
}

/**
 * Writes a company's or a contact's properties as a person editing the record in HubSpot would:
 * history and webhook events say CRM_UI (a contact's NPS survey values say what a survey answer
 * would). It writes the portal file directly, whether or not a sandbox runs; a running sandbox
 * that holds the webhook lease reads the change from property_history at its next gather and
 * delivers it, so the caller only has to say whether one does.
 */
export function editRecordAsUser(
  db: PortalDatabase,
  type: EditableType,
  id: number,
  values: Record<string, string>,
  now: Date,
): UserEditOutcome {
  const store = objectStore(db);
  const row = store.find(type, id);
  if (!row) return { kind: 'not-found' };
  const { person, survey, issues } = checkValues(db, type, values, now);
  if (issues.length > 0) return { kind: 'invalid', issues };
  const edits = [...editsOf(row, person, false), ...editsOf(row, survey, true)];
  const at = now.toISOString();
  db.transaction(() => {
    const edited = store.update(row, person, at, editingUser(db), 'CRM_UI');
    store.update(edited, survey, at, SURVEY_SOURCE.sourceId, SURVEY_SOURCE.sourceType);
  })();
  return { kind: 'saved', edits, deliverer: liveWebhookLease(db, now.getTime()) };
}
