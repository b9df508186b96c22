import { describe, expect, it } from 'vitest';
import { sandboxPlaySettings } from '../../../src/app/sandbox-play-settings.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';
import { REQUIRED_SCOPES } from '../../../src/jobs/required-scopes.ts';
import { runRescore } from '../../../src/jobs/run-rescore.ts';
import { compileModel } from '../../../src/scoring/compile-model.ts';
import { sandboxWorld } from '../../support/sandbox-world.ts';

/** Setup, then a full run with plays, with a token that holds exactly `scopes`. */
async function everythingWith(scopes: readonly string[]) {
  const { sandbox, store, config, gateway } = await sandboxWorld({ companies: 40, scopes });
  const settings = await sandboxPlaySettings(config.plays, sandbox.portal.sender, gateway);
  return runRescore(
    {
      gateway,
      store,
      mapping: config,
      model: compileModel(config.model),
      portal: 'sandbox',
      source: 'sandbox',
      holder: 'test',
      now: () => new Date('2026-11-16T10:00:00.000Z'),
      plays: { settings, mapping: config.playsMapping, leftProperty: 'left_company' },
    },
    { dryRun: false },
  );
}

describe('the scopes the service requires (app-hsmeta.json requires exactly these)', () => {
  it('are enough for setup and a full run with tasks and enrolments', async () => {
    const summary = await everythingWith(REQUIRED_SCOPES);
    expect(summary.plays.tasksCreated.length).toBeGreaterThan(0);
    expect(summary.plays.enrolled.length).toBeGreaterThan(0);
    expect(summary.plays.failed).toEqual([]);
  });

  it.each(REQUIRED_SCOPES)('are each needed: without %s HubSpot refuses a call', async (scope) => {
    const error = await everythingWith(REQUIRED_SCOPES.filter((s) => s !== scope)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HubSpotError);
    expect((error as HubSpotError).status).toBe(403);
  });
});
