import { Alert, Button, Flex, Input, LoadingButton } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { dismissRequestSchema } from '../card-contract.ts';
import type { ActionResult } from '../hooks/use-company-card.ts';

export interface DismissFormProps {
  playId: string;
  onDismiss: (reason: string) => Promise<ActionResult>;
  onCancel: () => void;
}

/** Asks why a play does not fit before dismissing it. */
export function DismissForm({ playId, onDismiss, onCancel }: DismissFormProps) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    const request = dismissRequestSchema.safeParse({ reason });
    setInvalid(!request.success);
    if (!request.success) return;
    setSending(true);
    setFailure(null);
    const result = await onDismiss(request.data.reason);
    setSending(false);
    if (!result.ok) setFailure(result.message);
  };

  return (
    <Flex direction="column" gap="xs">
      <Input
        testId={`dismiss-reason-${playId}`}
        name="reason"
        label="Why doesn't this play fit?"
        value={reason}
        onInput={setReason}
        onChange={setReason}
        error={invalid}
        validationMessage={invalid ? 'Give a reason of 3 to 500 characters.' : undefined}
      />
      <Flex direction="row" gap="sm">
        <LoadingButton
          testId={`dismiss-confirm-${playId}`}
          variant="destructive"
          size="sm"
          loading={sending}
          onClick={() => void submit()}
        >
          Dismiss play
        </LoadingButton>
        <Button variant="transparent" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </Flex>
      {failure !== null && (
        <Alert testId={`dismiss-error-${playId}`} variant="error" title="Couldn't dismiss it">
          {failure}
        </Alert>
      )}
    </Flex>
  );
}
