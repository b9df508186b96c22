import type { PortalDatabase } from './portal-database.ts';
import { addMissingCatalogs, seedPortal, type SeedSummary } from './seed-portal.ts';
import { seedSpec, type SeedInput } from './seed-spec.ts';

function storedSummary(db: PortalDatabase): SeedSummary | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'seed'").get() as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as SeedSummary) : undefined;
}

/**
 * Seeds an empty portal; leaves a seeded one as the app left it, adding only the property
 * catalogs of object types newer than the portal. Asking an existing portal for a different
 * seed, size or date is refused rather than silently ignored.
 */
export function ensurePortalSeeded(db: PortalDatabase, input: SeedInput): SeedSummary {
  const wanted = seedSpec(input);
  const stored = storedSummary(db);
  if (!stored) return seedPortal(db, wanted);
  for (const key of ['seed', 'companies', 'referenceDate'] as const) {
    if (input[key] !== undefined && wanted[key] !== stored[key]) {
      throw new Error(
        `The sandbox portal in this data directory was seeded with ${key} ${stored[key]}, not ` +
          `${wanted[key]}: call resetSandbox(dataDir) first, or use another data directory.`,
      );
    }
  }
  addMissingCatalogs(db, stored);
  return stored;
}
