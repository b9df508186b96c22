/** The lease a full rescore holds on the data directory: one run at a time. */
export const RESCORE_LEASE = { name: 'full-rescore', ttlMs: 10 * 60 * 1000 } as const;
