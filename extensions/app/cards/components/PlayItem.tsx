import { Alert, Button, Flex, LoadingButton, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CardPlay } from '../card-contract.ts';
import { formatDate } from '../format/format-date.ts';
import type { ActionResult } from '../hooks/use-company-card.ts';
import { DismissForm } from './DismissForm.tsx';
import { PlayStatus } from './PlayStatus.tsx';

export interface PlayItemProps {
  play: CardPlay;
  timeZone: string;
  onCreateTask: (playId: string) => Promise<ActionResult>;
  onDismiss: (playId: string, reason: string) => Promise<ActionResult>;
}

const PRIORITY = { HIGH: 'High priority', MEDIUM: 'Medium priority', LOW: 'Low priority' };

// Only these leave the CSM a choice: the service refuses (409) to create or dismiss the others,
// whose ledger is settled. Creating a held task makes it now, past the owner's daily limit.
const UNDECIDED = new Set<CardPlay['status']>(['open', 'held']);

/** One recommended play: what, why, when, and its buttons. */
export function PlayItem({ play, timeZone, onCreateTask, onDismiss }: PlayItemProps) {
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState(false);
  const due = formatDate(play.dueAt, timeZone);
  const undecided = UNDECIDED.has(play.status);

  const createTask = async () => {
    setCreating(true);
    setFailure(null);
    const result = await onCreateTask(play.id);
    setCreating(false);
    if (!result.ok) setFailure(result.message);
  };

  return (
    <Tile compact testId={`play-${play.id}`}>
      <Flex direction="column" gap="xs">
        <Text format={{ fontWeight: 'bold' }}>{play.title}</Text>
        <Text>{play.why}</Text>
        <Text variant="microcopy">
          {PRIORITY[play.priority]}
          {due !== null && ` · Due ${due}`}
        </Text>
        <PlayStatus play={play} timeZone={timeZone} />
        {undecided && !dismissing && (
          <Flex direction="row" gap="sm">
            <LoadingButton
              testId={`create-task-${play.id}`}
              size="sm"
              loading={creating}
              onClick={() => void createTask()}
            >
              Create task
            </LoadingButton>
            <Button
              testId={`dismiss-${play.id}`}
              size="sm"
              variant="secondary"
              onClick={() => setDismissing(true)}
            >
              Dismiss
            </Button>
          </Flex>
        )}
        {undecided && dismissing && (
          <DismissForm
            playId={play.id}
            onDismiss={(reason) => onDismiss(play.id, reason)}
            onCancel={() => setDismissing(false)}
          />
        )}
        {failure !== null && (
          <Alert
            testId={`create-task-error-${play.id}`}
            variant="error"
            title="Couldn't create the task"
          >
            {failure}
          </Alert>
        )}
      </Flex>
    </Tile>
  );
}
