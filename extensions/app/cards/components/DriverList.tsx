import { Flex, List, Text } from '@hubspot/ui-extensions';
import type { CompanyCard } from '../card-contract.ts';
import { formatPoints } from '../format/format-points.ts';

/** What holds the score down, biggest first. */
export function DriverList({ drivers }: { drivers: CompanyCard['drivers'] }) {
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>What costs points</Text>
      {drivers.length === 0 ? (
        <Text>Nothing is costing points.</Text>
      ) : (
        <List testId="drivers" variant="unordered-styled">
          {drivers.map((driver) => (
            <Text key={driver.label}>
              {driver.label}: {driver.value} (costs {formatPoints(driver.impact)})
            </Text>
          ))}
        </List>
      )}
    </Flex>
  );
}
