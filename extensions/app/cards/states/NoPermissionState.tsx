import { ErrorState, Text } from '@hubspot/ui-extensions';

/** The service refused the request (401/403). */
export function NoPermissionState() {
  return (
    <ErrorState testId="no-permission" type="lock" title="No access to health details">
      <Text>
        You don't have permission to see Vitals' details for this company. Ask your HubSpot admin.
      </Text>
    </ErrorState>
  );
}
