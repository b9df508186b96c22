import { Flex, Text } from '@hubspot/ui-extensions';
import type { CardPlay } from '../card-contract.ts';
import type { ActionResult } from '../hooks/use-company-card.ts';
import { PlayItem } from './PlayItem.tsx';

export interface PlayListProps {
  plays: CardPlay[];
  timeZone: string;
  onCreateTask: (playId: string) => Promise<ActionResult>;
  onDismiss: (playId: string, reason: string) => Promise<ActionResult>;
}

/** The recommended plays, most urgent first. */
export function PlayList({ plays, ...actions }: PlayListProps) {
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'bold' }}>Recommended plays</Text>
      {plays.length === 0 ? (
        <Text>No play needed right now.</Text>
      ) : (
        plays.map((play) => <PlayItem key={play.id} play={play} {...actions} />)
      )}
    </Flex>
  );
}
