import type { PortalDatabase } from './portal-database.ts';

/** What every handler needs to know about the running portal. */
export interface PortalContext {
  db: PortalDatabase;
  token: string;
  scopes: readonly string[];
  hubId: number;
  appId: number;
  /** HTTP status for enrolling a contact that is already in a sequence (HubSpot's is unverified). */
  alreadyEnrolledStatus: 400 | 409;
  /** http://127.0.0.1:PORT, known once the server listens; used in paging links. */
  baseUrl(): string;
  now(): Date;
}
