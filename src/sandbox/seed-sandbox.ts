import { ensurePortalSeeded } from './ensure-portal-seeded.ts';
import { openPortalDatabase } from './portal-database.ts';
import type { SeedSummary } from './seed-portal.ts';
import type { SeedInput } from './seed-spec.ts';

export interface SeedSandboxOptions extends SeedInput {
  dataDir: string;
}

/** Seeds the demo portal under dataDir without serving it (benchmarks, fixtures). */
export function seedSandbox(options: SeedSandboxOptions): SeedSummary {
  const db = openPortalDatabase(options.dataDir);
  try {
    return ensurePortalSeeded(db, options);
  } finally {
    db.close();
  }
}
