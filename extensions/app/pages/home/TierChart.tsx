import { BarChart, Flex, Heading, Text } from '@hubspot/ui-extensions';
import { formatMoney } from '../format/format-money.ts';
import { formatPercent } from '../format/format-percent.ts';
import { tierChartColor } from '../format/tier-chart-color.ts';
import type { HomePageView } from '../home-page-contract.ts';

/** Where the MRR sits: one bar per tier, best first, in the tier's colour. */
export function TierChart({ view }: { view: HomePageView }) {
  const data = view.tiers.map((t) => ({ tier: t.label, mrr: t.mrr }));
  const colors = Object.fromEntries(view.tiers.map((t) => [t.label, tierChartColor(t.color)]));
  return (
    <Flex direction="column" gap="xs">
      <Heading>Where the MRR sits</Heading>
      <BarChart
        testId="tier-chart"
        data={data}
        axes={{
          x: { field: 'tier', fieldType: 'category', label: 'Health tier' },
          y: { field: 'mrr', fieldType: 'linear', label: 'MRR' },
          options: { groupFieldByColor: 'tier', colors },
        }}
        options={{ showTooltips: true, showDataLabels: true }}
      />
      <Text testId="tier-shares" variant="microcopy">
        {view.tiers
          .map((t) => `${t.label}: ${t.accounts} (${formatPercent(t.mrrShare)} of MRR)`)
          .join(' · ')}
      </Text>
      {view.withoutMrr > 0 && (
        <Text variant="microcopy">
          {`${view.withoutMrr} of ${view.total.accounts} customers ${view.withoutMrr === 1 ? 'has' : 'have'} no MRR in HubSpot and count as ${formatMoney(0)}.`}
        </Text>
      )}
    </Flex>
  );
}
