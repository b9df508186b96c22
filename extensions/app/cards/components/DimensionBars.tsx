import { Flex, ProgressBar, Text } from '@hubspot/ui-extensions';
import type { CompanyCard } from '../card-contract.ts';

type Dimension = CompanyCard['dimensions'][number];

/** Each part of the score (0–10) as a bar. */
export function DimensionBars({ dimensions }: { dimensions: Dimension[] }) {
  if (dimensions.length === 0) return null;
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'bold' }}>What the score is made of</Text>
      {dimensions.map((dimension) =>
        dimension.score === null ? (
          <Text key={dimension.key} testId={`dimension-${dimension.key}`}>
            {dimension.label}: no data
          </Text>
        ) : (
          <ProgressBar
            key={dimension.key}
            testId={`dimension-${dimension.key}`}
            title={dimension.label}
            value={dimension.score}
            maxValue={10}
            valueDescription={`${oneDecimal(dimension.score)} / 10`}
            variant={variantOf(dimension.score)}
          />
        ),
      )}
    </Flex>
  );
}

function variantOf(score: number): 'success' | 'warning' | 'danger' {
  if (score >= 7) return 'success';
  return score >= 4 ? 'warning' : 'danger';
}

function oneDecimal(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
