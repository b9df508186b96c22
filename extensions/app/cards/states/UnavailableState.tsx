import { ErrorState, Flex, Text } from '@hubspot/ui-extensions';
import { PropertySummary } from '../components/PropertySummary.tsx';
import type { HealthProperties } from '../hooks/use-health-properties.ts';

export interface UnavailableStateProps {
  properties: HealthProperties | null;
  timeZone: string;
  compact?: boolean;
}

/** The service could not answer: the record's own values, and that the rest must wait. */
export function UnavailableState({ properties, timeZone, compact }: UnavailableStateProps) {
  if (properties === null) {
    return (
      <ErrorState testId="unavailable" title="Health details are unavailable">
        <Text>Vitals can't be reached right now. Try again in a few minutes.</Text>
      </ErrorState>
    );
  }
  return (
    <Flex direction="column" gap="sm">
      <PropertySummary properties={properties} timeZone={timeZone} compact={compact} />
      <Text testId="unavailable" variant="microcopy">
        More details are unavailable right now. Try again in a few minutes.
      </Text>
    </Flex>
  );
}
