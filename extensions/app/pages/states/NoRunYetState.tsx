import { EmptyState, Text } from '@hubspot/ui-extensions';

/** The service answers, but no run has summed up the portal yet: its message says what to do. */
export function NoRunYetState({ message }: { message: string }) {
  return (
    <EmptyState testId="no-run-yet" title="No health figures yet" layout="vertical">
      <Text>
        Vitals fills this page in each time it scores your companies. Nothing has been scored in
        this portal yet.
      </Text>
      <Text variant="microcopy">{message}</Text>
    </EmptyState>
  );
}
