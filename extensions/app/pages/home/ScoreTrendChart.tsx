import { Flex, Heading, LineChart, Text } from '@hubspot/ui-extensions';
import type { HomePageView } from '../home-page-contract.ts';
import { formatTime } from '../format/format-time.ts';

/** The average health score at the end of each of the last 13 weeks, and when the model changed. */
export function ScoreTrendChart({ view }: { view: HomePageView }) {
  const points = view.trend.flatMap((p) =>
    p.average === null ? [] : [{ week: Date.parse(`${p.weekEnding}T12:00:00Z`), score: p.average }],
  );
  return (
    <Flex direction="column" gap="xs">
      <Heading>Average health over 13 weeks</Heading>
      {points.length < 2 ? (
        <Text testId="trend-empty">Not enough weeks scored for a chart yet.</Text>
      ) : (
        <LineChart
          testId="trend-chart"
          data={points}
          axes={{
            x: { field: 'week', fieldType: 'datetime', label: 'Week ending' },
            y: { field: 'score', fieldType: 'linear', label: 'Average health score' },
          }}
          options={{ showTooltips: true }}
        />
      )}
      {view.modelChanges.map((c) => (
        <Text key={c.at} testId="trend-model-change" variant="microcopy">
          {`The scoring model changed on ${formatTime(c.at, view.timeZone) ?? c.at} (${c.from} → ${c.to}): the averages before and after are not the same measure.`}
        </Text>
      ))}
    </Flex>
  );
}
