import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import type { UnavailableReason } from '../service/read-portfolio-answer.ts';

// What the CS leader can do, and what to pass on to whoever runs Vitals.
const ADVICE: Record<UnavailableReason, { title: string; what: string; fix: string }> = {
  unreachable: {
    title: 'Vitals can’t be reached',
    what: 'The Vitals service did not answer, so there are no figures to show right now.',
    fix: 'Try again in a few minutes. If it keeps happening, ask your Vitals admin to check that the service is running and reachable at its public address (`vitals doctor` checks it).',
  },
  refused: {
    title: 'Vitals refused the request',
    what: 'The Vitals service did not accept HubSpot’s signature on this request.',
    fix: 'Ask your Vitals admin to check that the service’s HUBSPOT_CLIENT_SECRET is this app’s client secret and its VITALS_PUBLIC_URL is the address in the app’s settings.',
  },
  unreadable: {
    title: 'Vitals answered in an unexpected form',
    what: 'The app in HubSpot and the Vitals service are different versions.',
    fix: 'Ask your Vitals admin to update the service and upload the app again (`hs project upload`).',
  },
};

export interface UnavailableStateProps {
  reason: UnavailableReason;
  onRetry: () => void;
}

/** The page has nothing to show: why, in plain words, what to do, and a way to try again. */
export function UnavailableState({ reason, onRetry }: UnavailableStateProps) {
  const advice = ADVICE[reason];
  return (
    <ErrorState testId="unavailable" title={advice.title}>
      <Text>{advice.what}</Text>
      <Text>{advice.fix}</Text>
      <Button testId="retry" onClick={onRetry}>
        Try again
      </Button>
    </ErrorState>
  );
}
