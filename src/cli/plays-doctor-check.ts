import type { App } from '../app/open-app.ts';
import { lifecycleOff } from '../lifecycle/lifecycle-off.ts';
import { churnSignalsOff } from '../plays/signals-off.ts';
import { DEFAULT_LIFECYCLE_MAPPING } from '../signals/lifecycle-facts.ts';
import { playCompanyProperties } from '../signals/play-facts.ts';
import { closestMatch } from '../validation/closest-match.ts';

export interface PlaysCheck {
  ok: boolean;
  detail: string;
}

const SEQUENCES = [
  ['renewal', 'renewal'],
  ['winBack', 'win-back'],
  ['paymentRecovery', 'payment-recovery'],
] as const;

/** Whether the plays can do their work in this portal: their properties, sequences and sender. */
export async function playsDoctorCheck(app: App): Promise<PlaysCheck> {
  if (!app.config.playsMapping.enabled)
    return { ok: true, detail: 'switched off (plays.enabled: false): runs create no tasks' };
  const problems: string[] = [];
  const notes: string[] = [];
  const gateway = app.connection.gateway;
  const known = (await gateway.listProperties('companies')).map((p) => p.name);
  for (const name of playCompanyProperties(app.config.playsMapping)) {
    if (known.includes(name)) continue;
    const closest = closestMatch(name, known);
    problems.push(
      `the portal has no companies.${name}${closest ? ` (did you mean ${closest}?)` : ''}: fix plays in your config or set it to null`,
    );
  }
  const { sender } = app.config.plays;
  const configured = SEQUENCES.filter(([key]) => app.config.plays[key].sequenceId !== null);
  if (configured.length === 0) {
    notes.push(
      'no sequences configured: renewal, win-back and payment-recovery enrolments are skipped until plays.<renewal|winBack|paymentRecovery>.sequenceId and plays.sender are set',
    );
  } else if (sender.userId !== null) {
    const ids = new Set((await gateway.listSequences(sender.userId)).map((s) => s.id));
    for (const [key, words] of configured) {
      const id = app.config.plays[key].sequenceId!;
      if (!ids.has(id))
        problems.push(
          `the ${words} sequence ${id} is not one of user ${sender.userId}'s sequences: check plays.${key}.sequenceId and plays.sender.userId`,
        );
    }
  }
  const off = signalsOff(app);
  if (off.length > 0)
    notes.push(
      `never fire with this model and mapping (no property reports them, nothing to derive them from): ${off.join(', ')}; map a date property for each under plays.signals to turn it on`,
    );
  const lifecycle = lifecycleNote(app);
  if (lifecycle) notes.push(lifecycle);
  if (problems.length > 0) return { ok: false, detail: problems.join('; ') };
  return { ok: true, detail: ['properties and sequences are there', ...notes].join('; ') };
}

function lifecycleNote(app: App): string | null {
  if (app.config.plays.lifecycle?.enabled === false)
    return 'lifecycle plays switched off (plays.lifecycle.enabled: false)';
  const { playsMapping } = app.config;
  const off = lifecycleOff(
    playsMapping.customerSinceProperty,
    playsMapping.lifecycle ?? DEFAULT_LIFECYCLE_MAPPING,
  );
  return off.length === 0 ? null : `lifecycle plays that cannot fire yet: ${off.join('; ')}`;
}

function signalsOff(app: App): string[] {
  const { model } = app.model;
  const keys = new Set<string>([
    ...model.dimensions.flatMap((d) => [d.key, ...d.signals.map((s) => s.key)]),
  ]);
  return churnSignalsOff(Object.keys(app.config.playsMapping.signals), keys);
}
