import { Tag, Text } from '@hubspot/ui-extensions';
import type { CardPlay } from '../card-contract.ts';
import { formatWeekday } from '../format/format-weekday.ts';

/** What was done about a play, in the CSM's words: a task, a sequence, or why not. */
export function PlayStatus({ play, timeZone }: { play: CardPlay; timeZone: string }) {
  const testId = `play-status-${play.id}`;
  switch (play.status) {
    case 'open':
      return null;
    case 'task-created':
      return (
        <Tag testId={testId} variant="success">
          Task created
        </Tag>
      );
    case 'enrolled':
      return (
        <Tag testId={testId} variant="info">
          Contacts enrolled in a sequence
        </Tag>
      );
    case 'completed':
    case 'held':
    case 'skipped':
    case 'dismissed':
      return (
        <Text testId={testId} variant="microcopy">
          {statusWords(play, timeZone)}
        </Text>
      );
  }
}

function statusWords(play: CardPlay, timeZone: string): string {
  const detail = play.detail === null ? '' : `: ${play.detail}`;
  switch (play.status) {
    case 'completed':
      return play.detail === null
        ? 'Completed by Vitals when the episode ended'
        : `Completed by Vitals: ${play.detail}`;
    case 'held': {
      const until = formatWeekday(play.heldUntil, timeZone);
      return until === null
        ? 'Held back by the daily task limit: the next run creates the task'
        : `Held until ${until} (daily task limit): the first run that day creates the task`;
    }
    case 'skipped':
      return `Skipped${detail}`;
    default:
      return `Dismissed${detail}`;
  }
}
