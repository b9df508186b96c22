import { Flex, List, Text } from '@hubspot/ui-extensions';
import type { CompanyCard } from '../card-contract.ts';
import { formatPoints } from '../format/format-points.ts';

/** What would raise the score most, and by how much. */
export function LeverList({ levers }: { levers: CompanyCard['levers'] }) {
  if (levers.length === 0) return null;
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>What would raise it</Text>
      <List testId="levers" variant="unordered-styled">
        {levers.map((lever) => (
          <Text key={lever.label}>
            {lever.label}: {lever.target} ({formatPoints(lever.gain, true)})
          </Text>
        ))}
      </List>
    </Flex>
  );
}
