import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createGateway, type GatewayOptions } from '../../../src/hubspot/create-gateway.ts';

export const BASE = 'http://hubspot.test';
export const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
/** 2026-11-23T12:00:00Z, a Monday. */
export const START = Date.UTC(2026, 10, 23, 12);

/** Blocks real network access and clears interceptors after each test of the calling file. */
export function interceptHubSpot(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());
}

/** A gateway on a fake clock: sleeping advances the clock at once and is recorded. */
export function testGateway(overrides: Partial<GatewayOptions> = {}) {
  const time = { now: START };
  const sleeps: number[] = [];
  const warnings: object[] = [];
  const gateway = createGateway({
    accessToken: TOKEN,
    basePath: BASE,
    per10s: 100,
    clock: () => time.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      time.now += ms;
    },
    random: () => 1,
    logger: { warn: (details) => warnings.push(details) },
    ...overrides,
  });
  return { gateway, time, sleeps, warnings, hubspot: nock(BASE) };
}

/** A CRM object as HubSpot returns it. */
export function crmObject(id: string, properties: Record<string, string | null> = {}) {
  return {
    id,
    properties,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    archived: false,
  };
}

/** HubSpot's standard error body. */
export function hubspotError(category: string, message: string, extra: object = {}) {
  return { status: 'error', message, correlationId: 'c0ffee-1234', category, ...extra };
}

/** Every value passed for a query parameter that may repeat. */
export function queryValues(url: string, name: string): string[] {
  return new URL(url, BASE).searchParams.getAll(name);
}
