import { Button, Flex, LoadingButton, Text, Tile } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardPlay } from '../../../extensions/app/cards/card-contract.ts';
import { aCard, aPlay } from './card-fixtures.ts';
import { mockService } from './mock-service.ts';
import { renderSidebar, renderTab, textIn } from './render-card.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const BASELINE =
  'Already so when Vitals started watching this portal: recorded as the starting point, not acted on.';
const RECOVERED = 'the account recovered (78, Healthy) and no churn signal holds';

/** The tab showing one play; resolves once it is on screen. */
async function showPlay(play: CardPlay | Record<string, unknown>) {
  const calls = mockService(() => ({ status: 200, body: aCard({ plays: [play as CardPlay] }) }));
  const card = renderTab();
  await card.waitFor(() => expect(card.findByTestId(Tile, 'play-champion-left')));
  const status = () => card.findByTestId(Text, 'play-status-champion-left').text;
  const buttons = () => ({
    create: card.maybeFindByTestId(LoadingButton, 'create-task-champion-left') !== null,
    dismiss: card.maybeFindByTestId(Button, 'dismiss-champion-left') !== null,
  });
  return { card, calls, status, buttons };
}

describe("a play's status on the health tab", () => {
  it('says until when a held task waits, and still offers to create it now or dismiss it', async () => {
    const { status, buttons } = await showPlay(
      aPlay({ status: 'held', heldUntil: '2026-03-10T00:00:00.000Z', detail: 'Owner 7 …' }),
    );
    expect(status()).toBe(
      'Held until Tue, Mar 10 (daily task limit): the first run that day creates the task',
    );
    expect(buttons()).toEqual({ create: true, dismiss: true });
  });

  it('says a held task goes with the next run once its day has come', async () => {
    const { status } = await showPlay(aPlay({ status: 'held', heldUntil: null }));
    expect(status()).toBe('Held back by the daily task limit: the next run creates the task');
  });

  it('says why Vitals skipped a play, without buttons the service would refuse', async () => {
    const { status, buttons } = await showPlay(aPlay({ status: 'skipped', detail: BASELINE }));
    expect(status()).toBe(`Skipped: ${BASELINE}`);
    expect(buttons()).toEqual({ create: false, dismiss: false });
  });

  it('says why Vitals completed the task when the episode ended', async () => {
    const { status, buttons } = await showPlay(
      aPlay({ status: 'completed', taskId: '901', detail: RECOVERED }),
    );
    expect(status()).toBe(`Completed by Vitals: ${RECOVERED}`);
    expect(buttons()).toEqual({ create: false, dismiss: false });
  });

  it('says a task was completed by Vitals even when the reason is not known', async () => {
    const { status } = await showPlay(aPlay({ status: 'completed', taskId: '901' }));
    expect(status()).toBe('Completed by Vitals when the episode ended');
  });

  it("reads an older service's dismissal reason", async () => {
    const older: Record<string, unknown> = { ...aPlay({ status: 'dismissed' }) };
    delete older.detail;
    delete older.heldUntil;
    const { status } = await showPlay({ ...older, dismissedBecause: 'They renewed last week' });
    expect(status()).toBe('Dismissed: They renewed last week');
  });

  it('creates a held task from its button', async () => {
    const { card, calls } = await showPlay(
      aPlay({ status: 'held', heldUntil: '2026-03-10T00:00:00.000Z' }),
    );
    card.findByTestId(LoadingButton, 'create-task-champion-left').trigger('onClick');
    await vi.waitFor(() =>
      expect(calls.at(-1)).toMatchObject({
        method: 'POST',
        path: '/api/cards/companies/42/plays/champion-left/task',
      }),
    );
  });
});

describe("the sidebar's next play", () => {
  it('passes over a play Vitals completed', async () => {
    mockService(() => ({
      status: 200,
      body: aCard({
        plays: [
          aPlay({ id: 'save-playbook', title: 'Save the account', status: 'completed' }),
          aPlay({ id: 'renewal-plan', title: 'Renewal', status: 'held', dueAt: null }),
        ],
      }),
    }));
    const card = renderSidebar();
    await card.waitFor(() =>
      expect(textIn(card.findByTestId(Flex, 'next-play'))).toBe('Next play Renewal'),
    );
  });
});
