import { Flex, LoadingSpinner } from '@hubspot/ui-extensions';
import { PropertySummary } from '../components/PropertySummary.tsx';
import type { HealthProperties } from '../hooks/use-health-properties.ts';

export interface LoadingStateProps {
  properties: HealthProperties | null;
  timeZone: string;
  compact?: boolean;
}

/** The record's own health values, if any, while the details load. */
export function LoadingState({ properties, timeZone, compact }: LoadingStateProps) {
  return (
    <Flex direction="column" gap="sm">
      {properties !== null && (
        <PropertySummary properties={properties} timeZone={timeZone} compact={compact} />
      )}
      <LoadingSpinner
        testId="loading"
        label={properties === null ? 'Loading the health score…' : 'Loading the details…'}
        showLabel
      />
    </Flex>
  );
}
