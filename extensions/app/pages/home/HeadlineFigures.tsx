import { Statistics, StatisticsItem, StatisticsTrend } from '@hubspot/ui-extensions';
import { formatMoney } from '../format/format-money.ts';
import type { HomePageView } from '../home-page-contract.ts';

/** The book in four numbers: customers, MRR, average health and its week, MRR up for renewal. */
export function HeadlineFigures({ view }: { view: HomePageView }) {
  const week = view.trendChange.week;
  return (
    <Statistics testId="headline">
      <StatisticsItem label="Customers" number={view.total.accounts} />
      <StatisticsItem label="MRR" number={formatMoney(view.total.mrr)} />
      <StatisticsItem
        label="Average health score"
        number={view.averageScore === null ? 'Unknown' : view.averageScore}
      >
        {week !== null && week !== 0 && (
          <StatisticsTrend
            value={`${Math.abs(week)} points this week`}
            direction={week > 0 ? 'increase' : 'decrease'}
            color={week > 0 ? 'green' : 'red'}
          />
        )}
      </StatisticsItem>
      <StatisticsItem
        label={`Renewing in ${view.renewals.days} days`}
        number={formatMoney(view.renewals.total.mrr)}
      />
    </Statistics>
  );
}
