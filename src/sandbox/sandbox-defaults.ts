/** Fixed values of the demo portal, so every run and every test sees the same one. */
export const SANDBOX_DEFAULTS = {
  /** Shaped like a private-app token; it only opens the sandbox. */
  token: 'pat-na1-5a4db0c5-0000-4000-8000-000000000001',
  seed: 20_261_116,
  companies: 300,
  /** The "today" of the seeded data: renewals, last contacts and surveys are relative to it. */
  referenceDate: '2026-11-16',
  /** Two years of usage history, so a backtest has churn to look back on from the first day. */
  historyMonths: 24,
  host: '127.0.0.1',
  hubId: 48_000_001,
  appId: 5_100_001,
  /** A portal in HubSpot's US data centre. */
  uiDomain: 'app.hubspot.com',
  /** The sandbox's day is the UTC day, as its daily limit counts it. */
  timeZone: 'UTC',
  per10s: 190,
  /**
   * Associated ids in one batch-read result before it pages. HubSpot documents no number for
   * v4 batch reads (its v3 association paging was 100), so the stricter reading is the default.
   */
  associationPageSize: 100,
  /** How long each write takes to reach search: HubSpot's index trails writes by seconds. */
  searchIndexLagMs: { min: 2_000, max: 5_000 },
} as const;

/** HubSpot's daily request allowance for each 10-second tier, as its API usage guidelines give it. */
export function dailyAllowance(per10s: number): number {
  if (per10s >= 250) return 1_000_000;
  if (per10s >= 190) return 625_000;
  return 250_000;
}
