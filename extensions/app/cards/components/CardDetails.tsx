import { Divider, Flex, Text } from '@hubspot/ui-extensions';
import type { CompanyCard } from '../card-contract.ts';
import { formatDate } from '../format/format-date.ts';
import { tierVariant } from '../format/tier-variant.ts';
import type { CompanyCardApi } from '../hooks/use-company-card.ts';
import { CoverageNote } from './CoverageNote.tsx';
import { DimensionBars } from './DimensionBars.tsx';
import { DriverList } from './DriverList.tsx';
import { HistoryChart } from './HistoryChart.tsx';
import { LeverList } from './LeverList.tsx';
import { PlayList } from './PlayList.tsx';
import { ScoreHeader } from './ScoreHeader.tsx';

export interface CardDetailsProps {
  card: CompanyCard;
  api: Pick<CompanyCardApi, 'createTask' | 'dismiss'>;
  timeZone: string;
}

/** Everything the service knows about a scored company. */
export function CardDetails({ card, api, timeZone }: CardDetailsProps) {
  const scoredOn = formatDate(card.scoredAt, timeZone);
  return (
    <Flex direction="column" gap="md">
      <ScoreHeader
        score={card.score}
        tierLabel={card.tier.label}
        tierVariant={tierVariant(card.tier.color)}
        change7d={card.change7d}
      />
      {scoredOn !== null && <Text variant="microcopy">Scored {scoredOn}</Text>}
      <CoverageNote coverage={card.coverage} missing={card.missing} />
      <DimensionBars dimensions={card.dimensions} />
      <DriverList drivers={card.drivers} />
      <LeverList levers={card.levers} />
      <Divider />
      <PlayList
        plays={card.plays}
        timeZone={timeZone}
        onCreateTask={api.createTask}
        onDismiss={api.dismiss}
      />
      <Divider />
      <HistoryChart history={card.history} />
    </Flex>
  );
}
