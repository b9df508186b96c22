import { LoadingSpinner } from '@hubspot/ui-extensions';

/** While the service answers. */
export function LoadingState() {
  return <LoadingSpinner testId="loading" label="Loading your customers’ health…" showLabel />;
}
