import { chooseContacts } from './choose-contacts.ts';
import type { Judgement } from './judge-rule.ts';
import type { ContactFacts, EnrollAction, PlayInput, SequenceKind } from './play-types.ts';
import type { EnrollSpec } from './rule-types.ts';

export const SEQUENCE_WORDS: Record<SequenceKind, string> = {
  renewal: 'renewal',
  winBack: 'win-back',
  paymentRecovery: 'payment-recovery',
};

/** One enrolment per chosen contact; those that cannot happen say why in `skip`. */
export function planEnrolments(
  spec: EnrollSpec,
  judgement: Judgement,
  input: PlayInput,
): EnrollAction[] {
  const { rule, episode } = judgement;
  const { account, settings } = input;
  if (episode === null) throw new Error(`Rule ${rule.id} cannot enrol: it has no episode.`);
  const sequenceId = settings[spec.sequence].sequenceId;
  return chooseContacts(spec.contacts, account.contacts).map((contact) => ({
    kind: 'enroll',
    ruleId: rule.id,
    episode,
    key: `${account.companyId}:${rule.id}:${episode}:${contact.id}`,
    companyId: account.companyId,
    sequence: spec.sequence,
    sequenceId,
    contactId: contact.id,
    skip: skipReason(contact, spec.sequence, sequenceId),
  }));
}

function skipReason(
  contact: ContactFacts,
  sequence: SequenceKind,
  sequenceId: string | null,
): string | null {
  const who = contact.name ?? `contact ${contact.id}`;
  if (sequenceId === null) return `no ${SEQUENCE_WORDS[sequence]} sequence is configured`;
  if (!contact.email) return `${who} has no email address`;
  if (contact.optedOut) return `${who} opted out of email`;
  return null;
}
