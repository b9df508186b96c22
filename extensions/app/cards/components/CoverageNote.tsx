import { Alert, Text } from '@hubspot/ui-extensions';

// Below this share of the model's data, the score can move a lot once the rest comes in.
const ENOUGH_COVERAGE = 80;

/** Says how much data the score rests on, when that is less than usual. */
export function CoverageNote({ coverage, missing }: { coverage: number; missing: string[] }) {
  if (coverage >= ENOUGH_COVERAGE) return null;
  return (
    <Alert
      testId="coverage-note"
      variant="warning"
      title={`Based on ${Math.round(coverage)}% of the usual data`}
    >
      <Text>
        {missing.length > 0 ? `Missing: ${missing.join(', ')}. ` : ''}The score may change when this
        data comes in.
      </Text>
    </Alert>
  );
}
