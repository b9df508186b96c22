/** One generated CRM record, ready to insert. */
export interface DemoRecord {
  id: number;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export const DAY_MS = 86_400_000;

export const isoDateTime = (ms: number): string => new Date(ms).toISOString();
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
