import {
  Flex,
  Statistics,
  StatisticsItem,
  StatisticsTrend,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { formatPoints } from '../format/format-points.ts';

export interface ScoreHeaderProps {
  score: number | null;
  tierLabel: string | null;
  tierVariant: 'default' | 'warning' | 'success' | 'error' | 'info';
  /** Points since 7 days ago; null when the history is shorter. */
  change7d: number | null;
  /** Leaves out the line that says the score did not move (the sidebar). */
  compact?: boolean;
}

/** The score, its tier and how it moved over 7 days. */
export function ScoreHeader(props: ScoreHeaderProps) {
  const { score, tierLabel, tierVariant, change7d, compact = false } = props;
  const moved = change7d !== null && Math.round(change7d) !== 0;
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="md" align="center">
        <Statistics>
          <StatisticsItem label="Health score" number={score ?? 'Unknown'}>
            {moved && (
              <StatisticsTrend
                testId="score-trend"
                direction={change7d > 0 ? 'increase' : 'decrease'}
                color={change7d > 0 ? 'green' : 'red'}
                value={`${formatPoints(change7d)} in 7 days`}
              />
            )}
          </StatisticsItem>
        </Statistics>
        {tierLabel !== null && (
          <Tag testId="tier-tag" variant={tierVariant}>
            {tierLabel}
          </Tag>
        )}
      </Flex>
      {!moved && !compact && score !== null && (
        <Text variant="microcopy">
          {change7d === null ? 'Too new for a 7-day change.' : 'No change in the last 7 days.'}
        </Text>
      )}
    </Flex>
  );
}
