import { Flex, Text } from '@hubspot/ui-extensions';
import { formatDate } from '../format/format-date.ts';
import { tierName } from '../format/tier-name.ts';
import type { HealthProperties } from '../hooks/use-health-properties.ts';
import { NextPlay } from './NextPlay.tsx';
import { ScoreHeader } from './ScoreHeader.tsx';

export interface PropertySummaryProps {
  properties: HealthProperties;
  timeZone: string;
  /** Only the score, tier and first play (the sidebar). */
  compact?: boolean;
}

/** What the record's health properties say, shown until (or instead of) the service's details. */
export function PropertySummary({
  properties: p,
  timeZone,
  compact = false,
}: PropertySummaryProps) {
  const changedOn = formatDate(p.changedAt, timeZone);
  const header = (
    <ScoreHeader
      score={p.score}
      tierLabel={p.tier === null ? null : tierName(p.tier)}
      tierVariant="default"
      change7d={p.change7d}
      compact={compact}
    />
  );
  if (compact) {
    return (
      <Flex direction="column" gap="sm" testId="property-summary">
        {header}
        {p.plays[0] !== undefined && <NextPlay title={p.plays[0]} />}
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="sm" testId="property-summary">
      {header}
      {p.coverage !== null && p.coverage < 80 && (
        <Text>Based on {Math.round(p.coverage)}% of the usual data.</Text>
      )}
      {p.topDrivers !== null && <Text>What costs points: {p.topDrivers}</Text>}
      {p.plays.length > 0 && <Text format={{ fontWeight: 'bold' }}>Recommended plays</Text>}
      {p.plays.map((title) => (
        <Text key={title}>{title}</Text>
      ))}
      {changedOn !== null && <Text variant="microcopy">Score last changed {changedOn}</Text>}
    </Flex>
  );
}
