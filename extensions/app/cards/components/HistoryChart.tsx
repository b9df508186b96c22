import { Flex, LineChart, Text } from '@hubspot/ui-extensions';
import type { CompanyCard } from '../card-contract.ts';

/** The score over the last 90 days (days without a score are left out). */
export function HistoryChart({ history }: { history: CompanyCard['history'] }) {
  const points = history.flatMap((point) =>
    point.score === null ? [] : [{ date: Date.parse(point.at), score: point.score }],
  );
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>Last 90 days</Text>
      {points.length < 2 ? (
        <Text testId="history-empty">Not enough history for a chart yet.</Text>
      ) : (
        <LineChart
          testId="history-chart"
          data={points}
          axes={{
            x: { field: 'date', fieldType: 'datetime', label: 'Date' },
            y: { field: 'score', fieldType: 'linear', label: 'Health score' },
          }}
          options={{ showTooltips: true }}
        />
      )}
    </Flex>
  );
}
