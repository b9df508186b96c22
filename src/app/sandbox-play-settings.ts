import type { Gateway } from '../hubspot/create-gateway.ts';
import type { PlaySettings } from '../plays/play-types.ts';

const NAMES = { renewal: 'Renewal', winBack: 'Win-back', paymentRecovery: 'Payment recovery' };

/**
 * In the sandbox the demo portal's own sender and sequences stand in for whatever the config
 * leaves out, so a newcomer sees enrolments happen; a real portal gets only what is configured.
 */
export async function sandboxPlaySettings(
  settings: PlaySettings,
  sender: { userId: string; email: string } | undefined,
  gateway: Pick<Gateway, 'listSequences'>,
): Promise<PlaySettings> {
  if (!sender) return settings;
  const from =
    settings.sender.userId !== null && settings.sender.email !== null ? settings.sender : sender;
  const sequences = await gateway.listSequences(from.userId ?? sender.userId);
  const idOf = (name: string) => sequences.find((s) => s.name === name)?.id ?? null;
  return {
    ...settings,
    sender: from,
    renewal: {
      ...settings.renewal,
      sequenceId: settings.renewal.sequenceId ?? idOf(NAMES.renewal),
    },
    winBack: {
      ...settings.winBack,
      sequenceId: settings.winBack.sequenceId ?? idOf(NAMES.winBack),
    },
    paymentRecovery: {
      ...settings.paymentRecovery,
      sequenceId: settings.paymentRecovery.sequenceId ?? idOf(NAMES.paymentRecovery),
    },
  };
}
