import { cachedStatement } from '../sandbox/cached-statement.ts';
import { objectStore } from '../sandbox/object-store.ts';
import { objectTypeInfo, type ObjectType } from '../sandbox/object-types.ts';
import type { PortalDatabase } from '../sandbox/portal-database.ts';
import { CliError } from './cli-error.ts';

export interface SandboxRecord {
  type: ObjectType;
  id: number;
}

const TYPES: readonly ObjectType[] = ['companies', 'contacts', 'tasks'];

/** The type an id belongs to by its range (each type has its own), whether or not it exists. */
function typeByRange(id: number): ObjectType | undefined {
  return [...TYPES].reverse().find((type) => id > objectTypeInfo(type).idBase);
}

function idRange(db: PortalDatabase, type: ObjectType): string {
  const { low, high } = cachedStatement(
    db,
    'SELECT MIN(id) AS low, MAX(id) AS high FROM objects WHERE type = ?',
  ).get(type) as { low: number | null; high: number | null };
  return low === null ? `it has no ${type}` : `its ${type} have ids from ${low} to ${high}`;
}

/** The company, contact or task with this id in the sandbox portal; a CliError when none has it. */
export function sandboxRecord(db: PortalDatabase, id: string): SandboxRecord {
  if (!/^\d{1,16}$/.test(id)) {
    throw new CliError(
      `"${id}" is not a company id or a contact id: give its digits, like 31000000001 (a company) or 52000000003 (a contact).`,
    );
  }
  const store = objectStore(db);
  const type = TYPES.find((candidate) => store.find(candidate, Number(id)));
  if (type) return { type, id: Number(id) };
  const likely = typeByRange(Number(id));
  if (!likely) {
    throw new CliError(
      `The sandbox portal has no company or contact ${id}: ${idRange(db, 'companies')}.`,
    );
  }
  const what = objectTypeInfo(likely).singular;
  throw new CliError(`The sandbox portal has no ${what} ${id}: ${idRange(db, likely)}.`);
}
