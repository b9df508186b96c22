import { DEMO_NAMES } from './demo-names.ts';
import { DAY_MS, isoDateTime } from './demo-record.ts';
import type { Random } from './seeded-random.ts';

/** An owner in the shape GET /crm/v3/owners returns. */
export interface DemoOwner {
  id: string;
  email: string;
  type: 'PERSON';
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  teams: { id: string; name: string; primary: boolean }[];
}

export const OWNER_EMAIL_DOMAIN = 'sandbox-portal.example';

const TEAMS = [
  { id: '4100001', name: 'Customer Success' },
  { id: '4100002', name: 'Account Management' },
];

/** Six to ten customer-success owners, each also a HubSpot user who can send sequences. */
export function generateOwners(random: Random, referenceMs: number): DemoOwner[] {
  const count = random.int(6, 10);
  const used = new Set<string>();
  const owners: DemoOwner[] = [];
  for (let index = 0; owners.length < count; index += 1) {
    const firstName = random.pick(DEMO_NAMES.firstNames);
    const lastName = random.pick(DEMO_NAMES.lastNames);
    const local = `${firstName}.${lastName}`.toLowerCase();
    if (used.has(local)) continue;
    used.add(local);
    const userId = 9_100_000 + index * 137;
    const createdAt = isoDateTime(referenceMs - random.int(200, 1500) * DAY_MS);
    const team = TEAMS[owners.length % 4 === 3 ? 1 : 0] ?? TEAMS[0]!;
    owners.push({
      id: String(71_000_000 + index * 4_111),
      email: `${local}@${OWNER_EMAIL_DOMAIN}`,
      type: 'PERSON',
      firstName,
      lastName,
      userId,
      userIdIncludingInactive: userId,
      createdAt,
      updatedAt: createdAt,
      archived: false,
      teams: [{ ...team, primary: true }],
    });
  }
  return owners;
}
