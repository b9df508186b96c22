import { StoreError } from './store-error.ts';

export interface StorePlace {
  dataDir: string;
  /** The database file inside it. */
  location: string;
}

const ELSEWHERE = 'or set VITALS_DATA_DIR to another folder';

/**
 * Why the store at `place` cannot be opened, in one line naming the file and the fix; null for a
 * failure that is not the user's to fix (a bug), which should surface as it is.
 */
export function explainOpenFailure(error: unknown, place: StorePlace): StoreError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const message = messageFor(code, place);
  return message === null ? null : new StoreError('unusable', message);
}

function messageFor(code: string, { dataDir, location }: StorePlace): string | null {
  // SQLite's extended codes (SQLITE_READONLY_DIRECTORY, SQLITE_CORRUPT_INDEX, …) share the
  // primary code's remedy.
  const primary = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  switch (primary) {
    case 'EEXIST':
      return `The data folder ${dataDir} is a file, not a folder: move that file away, ${ELSEWHERE}.`;
    case 'ENOTDIR':
      return `The data folder ${dataDir} cannot be made, as a folder on its path is a file: move that file away, ${ELSEWHERE}.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `The data folder ${dataDir} cannot be made (permission denied): create it for the user that runs Vitals, ${ELSEWHERE}.`;
    case 'SQLITE_NOTADB':
      return `${location} is not a database: move it away so Vitals starts a new store there, ${ELSEWHERE}.`;
    case 'SQLITE_CORRUPT':
      return `${location} is damaged (SQLite: the database disk image is malformed): restore it from a backup, or move it away so Vitals starts a new store (score history and plays ledger start over).`;
    case 'SQLITE_READONLY':
      return `${location} is read-only: give the user that runs Vitals write access to it and to ${dataDir} (SQLite writes vitals.sqlite-wal and -shm beside it), ${ELSEWHERE}.`;
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return `${location} cannot be opened: make ${dataDir} a folder the user that runs Vitals may read and write, ${ELSEWHERE}.`;
    case 'SQLITE_FULL':
      return `${location} cannot grow: the disk is full. Free some space, ${ELSEWHERE} on another disk.`;
    default:
      return null;
  }
}
