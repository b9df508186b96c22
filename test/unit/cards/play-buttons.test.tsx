import { Alert, Button, Input, LoadingButton, Tag, Text } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aCard, aPlay } from './card-fixtures.ts';
import { deferred, type FakeAnswer, mockService, type ServiceCall } from './mock-service.ts';
import { renderTab, textOf } from './render-card.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const TASK_PATH = '/api/cards/companies/42/plays/champion-left/task';
const DISMISS_PATH = '/api/cards/companies/42/plays/champion-left/dismiss';
const taskCreated = aCard({ plays: [aPlay({ status: 'task-created', taskId: '901' })] });

/** The tab on a company with one open play; `post` answers the button's request. */
async function openPlay(post: (call: ServiceCall) => FakeAnswer | Promise<FakeAnswer>) {
  let current = aCard();
  const calls = mockService(async (call) => {
    if (call.method === 'GET') return { status: 200, body: current };
    return post(call);
  });
  const card = renderTab();
  await card.waitFor(() => expect(card.findByTestId(LoadingButton, 'create-task-champion-left')));
  const changeTo = (next: typeof current) => (current = next);
  return { card, calls, changeTo };
}

describe('"Create task" on a play', () => {
  it("POSTs to the play's task path and shows the task once the service answers with the card", async () => {
    const answer = deferred<FakeAnswer>();
    const { card, calls } = await openPlay(() => answer.promise);
    card.findByTestId(LoadingButton, 'create-task-champion-left').trigger('onClick');

    await vi.waitFor(() =>
      expect(calls.at(-1)).toEqual({ method: 'POST', path: TASK_PATH, body: undefined }),
    );
    expect(card.findByTestId(LoadingButton, 'create-task-champion-left').props.loading).toBe(true);
    answer.resolve({ status: 201, body: taskCreated });
    await card.waitFor(() =>
      expect(card.findByTestId(Tag, 'play-status-champion-left').text).toBe('Task created'),
    );
    expect(card.maybeFindByTestId(LoadingButton, 'create-task-champion-left')).toBeNull();
    expect(calls.map((call) => call.method)).toEqual(['GET', 'POST']);
  });

  it('reloads the card when the service answers without it', async () => {
    const { card, calls, changeTo } = await openPlay(() => {
      changeTo(taskCreated);
      return { status: 204 };
    });
    card.findByTestId(LoadingButton, 'create-task-champion-left').trigger('onClick');
    await card.waitFor(() =>
      expect(card.findByTestId(Tag, 'play-status-champion-left').text).toBe('Task created'),
    );
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /api/cards/companies/42',
      `POST ${TASK_PATH}`,
      'GET /api/cards/companies/42',
    ]);
  });

  it.each<[string, FakeAnswer, string]>([
    [
      'the service is down',
      { status: 502 },
      "Vitals can't be reached right now. Try again in a minute.",
    ],
    ['the fetch fails', 'unreachable', "Vitals can't be reached right now. Try again in a minute."],
    ['the user may not', { status: 403 }, "You don't have permission to do this in Vitals."],
    [
      'the service refuses',
      { status: 409, body: { status: 'error', message: 'The daily task limit is reached.' } },
      'The daily task limit is reached.',
    ],
  ])('shows the error and keeps the button when %s', async (_, reply, message) => {
    const { card } = await openPlay(() => reply);
    card.findByTestId(LoadingButton, 'create-task-champion-left').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Alert, 'create-task-error-champion-left')));
    expect(card.find(Alert, { variant: 'error' }).props.title).toBe("Couldn't create the task");
    expect(textOf(card)).toContain(message);
    expect(card.findByTestId(LoadingButton, 'create-task-champion-left').props.loading).toBe(false);
  });
});

describe('"Dismiss" on a play', () => {
  it('asks for a reason, and Cancel puts the buttons back', async () => {
    const { card, calls } = await openPlay(() => ({ status: 500 }));
    card.findByTestId(Button, 'dismiss-champion-left').trigger('onClick');
    expect(card.findByTestId(Input, 'dismiss-reason-champion-left').props.label).toBe(
      "Why doesn't this play fit?",
    );
    card.find(Button, { variant: 'transparent' }).trigger('onClick');
    expect(card.maybeFind(Input)).toBeNull();
    expect(card.findByTestId(Button, 'dismiss-champion-left')).toBeDefined();
    expect(calls).toHaveLength(1);
  });

  it('does not send a reason shorter than 3 characters', async () => {
    const { card, calls } = await openPlay(() => ({ status: 200, body: aCard() }));
    card.findByTestId(Button, 'dismiss-champion-left').trigger('onClick');
    typeReason(card, ' no ');
    card.findByTestId(LoadingButton, 'dismiss-confirm-champion-left').trigger('onClick');
    const input = card.findByTestId(Input, 'dismiss-reason-champion-left');
    expect(input.props.error).toBe(true);
    expect(input.props.validationMessage).toBe('Give a reason of 3 to 500 characters.');
    expect(calls).toHaveLength(1);
  });

  it("POSTs the trimmed reason to the play's dismiss path and shows the play as dismissed", async () => {
    const dismissed = aCard({
      plays: [aPlay({ status: 'dismissed', detail: 'They renewed last week' })],
    });
    const { card, calls } = await openPlay(() => ({ status: 200, body: dismissed }));
    card.findByTestId(Button, 'dismiss-champion-left').trigger('onClick');
    typeReason(card, '  They renewed last week ');
    card.findByTestId(LoadingButton, 'dismiss-confirm-champion-left').trigger('onClick');

    await card.waitFor(() =>
      expect(card.findByTestId(Text, 'play-status-champion-left').text).toBe(
        'Dismissed: They renewed last week',
      ),
    );
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: DISMISS_PATH,
      body: { reason: 'They renewed last week' },
    });
    expect(card.maybeFind(Input)).toBeNull();
  });

  it('shows why the dismissal failed and keeps the reason', async () => {
    const { card } = await openPlay(() => ({
      status: 400,
      body: { status: 'error', message: 'This play is no longer recommended.' },
    }));
    card.findByTestId(Button, 'dismiss-champion-left').trigger('onClick');
    typeReason(card, 'Wrong contact');
    card.findByTestId(LoadingButton, 'dismiss-confirm-champion-left').trigger('onClick');

    await card.waitFor(() => expect(card.findByTestId(Alert, 'dismiss-error-champion-left')));
    expect(textOf(card)).toContain('This play is no longer recommended.');
    expect(card.findByTestId(Input, 'dismiss-reason-champion-left').props.value).toBe(
      'Wrong contact',
    );
  });
});

function typeReason(card: ReturnType<typeof renderTab>, reason: string) {
  card.findByTestId(Input, 'dismiss-reason-champion-left').trigger('onInput', reason as never);
}
