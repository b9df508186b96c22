import { Flex, Text } from '@hubspot/ui-extensions';
import type { CompanyCard } from '../card-contract.ts';
import { formatDate } from '../format/format-date.ts';
import { tierVariant } from '../format/tier-variant.ts';
import { NextPlay } from './NextPlay.tsx';
import { ScoreHeader } from './ScoreHeader.tsx';

// Nothing left to do about these: a CSM turned it down, or the episode is over.
const SETTLED = new Set<CompanyCard['plays'][number]['status']>(['dismissed', 'completed']);

/** Score, tier and the most urgent play still to do, for the sidebar. */
export function SidebarSummary({ card, timeZone }: { card: CompanyCard; timeZone: string }) {
  const next = card.plays.find((play) => !SETTLED.has(play.status));
  const due = next ? formatDate(next.dueAt, timeZone) : null;
  return (
    <Flex direction="column" gap="sm">
      <ScoreHeader
        score={card.score}
        tierLabel={card.tier.label}
        tierVariant={tierVariant(card.tier.color)}
        change7d={card.change7d}
        compact
      />
      {next ? (
        <NextPlay title={next.title} detail={due === null ? undefined : `Due ${due}`} />
      ) : (
        <Text>No play needed right now.</Text>
      )}
    </Flex>
  );
}
