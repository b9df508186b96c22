import {
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  Statistics,
  StatisticsItem,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { formatMoney } from '../format/format-money.ts';
import { formatPercent } from '../format/format-percent.ts';
import type { HomePageView, RetentionPeriod } from '../home-page-contract.ts';

/** NRR, GRR, logo churn and the MRR moves behind them, for the last full month and quarter. */
export function RetentionFigures({ view }: { view: HomePageView }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Retention</Heading>
      <Flex direction="row" gap="md" wrap="wrap">
        <PeriodTile
          testId="retention-month"
          title="Last full month"
          period={view.retention.month}
        />
        <PeriodTile
          testId="retention-quarter"
          title="Last full quarter"
          period={view.retention.quarter}
        />
      </Flex>
      <Text variant="microcopy">
        NRR = (starting MRR + expansion − contraction − churn) / starting MRR. GRR leaves expansion
        out. Logo churn = accounts lost / accounts paying at the start.
      </Text>
    </Flex>
  );
}

interface PeriodTileProps {
  testId: string;
  title: string;
  period: RetentionPeriod;
}

function PeriodTile({ testId, title, period }: PeriodTileProps) {
  const accounts = (n: number) => `${n} ${n === 1 ? 'account' : 'accounts'}`;
  return (
    <Tile testId={testId}>
      <Flex direction="column" gap="sm">
        <Text format={{ fontWeight: 'bold' }}>{`${title}: ${period.label}`}</Text>
        <Statistics>
          <StatisticsItem label="NRR" number={formatPercent(period.nrr)} />
          <StatisticsItem label="GRR" number={formatPercent(period.grr)} />
          <StatisticsItem label="Logo churn" number={formatPercent(period.logoChurn.percent)} />
        </Statistics>
        <DescriptionList direction="column">
          <DescriptionListItem label="Starting MRR">
            <Text>{`${formatMoney(period.start.mrr)} from ${accounts(period.start.accounts)}`}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Expansion">
            <Text>{`+${formatMoney(period.expansion.mrr)} (${accounts(period.expansion.accounts)})`}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Contraction">
            <Text>{`−${formatMoney(period.contraction.mrr)} (${accounts(period.contraction.accounts)})`}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Churned">
            <Text>{`−${formatMoney(period.churn.mrr)} (${accounts(period.logoChurn.lost)} of ${period.logoChurn.start})`}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="New or won back (not in NRR)">
            <Text>{`${formatMoney(period.newMrr.mrr)} (${accounts(period.newMrr.accounts)})`}</Text>
          </DescriptionListItem>
        </DescriptionList>
        {period.notes.map((note) => (
          <Text key={note} variant="microcopy">
            {note}
          </Text>
        ))}
      </Flex>
    </Tile>
  );
}
