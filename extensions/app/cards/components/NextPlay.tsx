import { Flex, Text } from '@hubspot/ui-extensions';

/** The one play the sidebar shows. */
export function NextPlay({ title, detail }: { title: string; detail?: string }) {
  return (
    <Flex direction="column" gap="flush" testId="next-play">
      <Text variant="microcopy">Next play</Text>
      <Text format={{ fontWeight: 'bold' }}>{title}</Text>
      {detail !== undefined && <Text variant="microcopy">{detail}</Text>}
    </Flex>
  );
}
