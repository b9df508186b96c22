import { Alert, EmptyState, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { ActionResult } from '../hooks/use-company-card.ts';

export interface NotScoredStateProps {
  onScore: () => Promise<ActionResult>;
  /** Without the illustration (the sidebar). */
  compact?: boolean;
}

/** No run has scored the company yet; offers to score it now. */
export function NotScoredState({ onScore, compact = false }: NotScoredStateProps) {
  const [scoring, setScoring] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  const score = async () => {
    setScoring(true);
    setResult(null);
    setResult(await onScore());
    setScoring(false);
  };

  const body = (
    <Flex direction="column" gap="sm">
      <Text testId={compact ? 'not-scored' : undefined}>
        Vitals hasn't scored this company yet. It will on its next run, or you can score it now.
      </Text>
      <LoadingButton testId="score-now" loading={scoring} onClick={() => void score()}>
        Score now
      </LoadingButton>
      {result?.ok === true && (
        <Text testId="score-pending">Vitals is scoring it. Check back in a minute.</Text>
      )}
      {result?.ok === false && (
        <Alert testId="score-error" variant="error" title="Couldn't score it">
          {result.message}
        </Alert>
      )}
    </Flex>
  );
  if (compact) return body;
  return (
    <EmptyState testId="not-scored" title="Not scored yet" imageName="companies" layout="vertical">
      {body}
    </EmptyState>
  );
}
