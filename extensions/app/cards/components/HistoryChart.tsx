import { Flex, LineChart, Text } from '@hubspot/ui-extensions';
import type { CompanyCard } from '../card-contract.ts';
import { formatDate } from '../format/format-date.ts';

/**
 * The score over the last 90 days (days without a score are left out). When the model changed
 * within them, each model's scores are a line of their own and the card says when: a score from
 * one model and a score from another are not the same measure.
 */
export function HistoryChart({ history }: { history: CompanyCard['history'] }) {
  const points = history.flatMap((point) =>
    point.score === null
      ? []
      : [{ date: Date.parse(point.at), score: point.score, model: point.model ?? '' }],
  );
  const changes = modelChanges(history);
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>Last 90 days</Text>
      {points.length < 2 ? (
        <Text testId="history-empty">Not enough history for a chart yet.</Text>
      ) : changes.length === 0 ? (
        <LineChart
          testId="history-chart"
          data={points.map(({ date, score }) => ({ date, score }))}
          axes={{
            x: { field: 'date', fieldType: 'datetime', label: 'Date' },
            y: { field: 'score', fieldType: 'linear', label: 'Health score' },
          }}
          options={{ showTooltips: true }}
        />
      ) : (
        <LineChart
          testId="history-chart"
          data={points}
          axes={{
            x: { field: 'date', fieldType: 'datetime', label: 'Date' },
            y: { field: 'score', fieldType: 'linear', label: 'Health score' },
            options: { groupFieldByColor: 'model' },
          }}
          options={{ showTooltips: true, showLegend: true }}
        />
      )}
      {changes.map((c) => (
        <Text key={c.at} testId="history-model-change" variant="microcopy">
          {`The scoring model changed on ${formatDate(c.at, 'UTC') ?? c.at} (${c.from} → ${c.to}): scores before and after are not the same measure.`}
        </Text>
      ))}
    </Flex>
  );
}

function modelChanges(history: CompanyCard['history']): { at: string; from: string; to: string }[] {
  const changes: { at: string; from: string; to: string }[] = [];
  let last: string | undefined;
  for (const point of history) {
    if (point.model === undefined) continue;
    if (last !== undefined && point.model !== last)
      changes.push({ at: point.at, from: last, to: point.model });
    last = point.model;
  }
  return changes;
}
