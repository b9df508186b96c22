import { Tag, Text } from '@hubspot/ui-extensions';
import type { CardPlay } from '../card-contract.ts';

/** Whether a play was already acted on: a task, a sequence, or a dismissal and its reason. */
export function PlayStatus({ play }: { play: CardPlay }) {
  switch (play.status) {
    case 'open':
      return null;
    case 'task-created':
      return (
        <Tag testId={`play-status-${play.id}`} variant="success">
          Task created
        </Tag>
      );
    case 'enrolled':
      return (
        <Tag testId={`play-status-${play.id}`} variant="info">
          Contacts enrolled in a sequence
        </Tag>
      );
    case 'dismissed':
      return (
        <Text testId={`play-status-${play.id}`} variant="microcopy">
          Dismissed{play.dismissedBecause ? `: ${play.dismissedBecause}` : ''}
        </Text>
      );
  }
}
