import { Flex, List, Text } from '@hubspot/ui-extensions';
import type { CompanyCard } from '../card-contract.ts';
import { ScoreHeader } from '../components/ScoreHeader.tsx';
import { tierVariant } from '../format/tier-variant.ts';

/** Scored, but with nothing to score on: the score is unknown, not zero. */
export function NoDataState({ card }: { card: CompanyCard }) {
  return (
    <Flex direction="column" gap="sm" testId="no-data">
      <ScoreHeader
        score={null}
        tierLabel={card.tier.label}
        tierVariant={tierVariant(card.tier.color)}
        change7d={null}
      />
      <Text>Vitals has no data on this company yet, so its score is unknown (not zero).</Text>
      {card.missing.length > 0 ? (
        <>
          <Text>It can score it once any of these is in HubSpot:</Text>
          <List testId="no-data-missing" variant="unordered-styled">
            {card.missing.map((label) => (
              <Text key={label}>{label}</Text>
            ))}
          </List>
        </>
      ) : (
        <Text>It can score it once the company has activity in HubSpot.</Text>
      )}
    </Flex>
  );
}
