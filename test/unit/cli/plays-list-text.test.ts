import { describe, expect, it } from 'vitest';
import { renderPlaysList } from '../../../src/cli/plays-list-text.ts';
import { describeRules } from '../../../src/plays/describe-rules.ts';
import type { PlaySettings } from '../../../src/plays/play-types.ts';
import { RULES } from '../../../src/plays/rules.ts';
import { settings } from '../plays/play-input.ts';

const render = (s: PlaySettings, width?: number) => renderPlaysList(describeRules(s), s, width);

/** The lines of one rule's block: from its title line to the blank line after it. */
function block(text: string, id: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${id} — `));
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

describe('vitals plays list, as text', () => {
  it('groups the rules under their DOMAIN section, in the table order', () => {
    const text = render(settings());
    const headings = text.split('\n').filter((l) => /^§\d/.test(l));
    expect(headings).toEqual([
      '§3 Alerts on score changes',
      '§4 Churn signals',
      '§6 Sequences',
      '§7 Expansion',
    ]);
    const order = RULES.map((r) => text.indexOf(`  ${r.id} — `));
    expect(order.every((at) => at > 0)).toBe(true);
    // champion-left belongs to §3 and §4: it is shown in §3 and says both.
    expect(text.indexOf('  champion-left — ')).toBeLessThan(text.indexOf('§4 Churn signals'));
    expect(block(text, 'champion-left')[0]).toBe(
      '  champion-left — Champion left: find a new champion (DOMAIN §3, §4)',
    );
  });

  it('says for each rule when it fires, for whom, what it does, how urgent and to whom', () => {
    expect(block(render(settings()), 'tier-critical')).toEqual([
      '  tier-critical — Critical: executive escalation',
      '    when      tier becomes critical (the worst tier); fires once per crossing',
      '    for       customers',
      '    does      CALL task "Account is critical: escalate to an executive" about champions, decision',
      "              makers and executive sponsors (else the primary contacts), as the account's one save",
      '              task (with the save playbook): created, or updated when open',
      '    priority  HIGH, due 24 h (outside Mon–Fri 08:00–17:00: the next business morning)',
      "    routing   company owner (else fallback), and the owner's manager",
    ]);
  });

  it('stays within the width it is given', () => {
    for (const width of [100, 80]) {
      const lines = render(settings(), width).split('\n');
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(width);
    }
  });

  it('marks the switched-off rules and counts them in the first line', () => {
    const text = render(settings({ disabledRules: ['win-back', 'tier-healthy'] }));
    expect(text).toMatch(/^55 plays, 2 switched off in plays\.disabledRules\./);
    expect(block(text, 'win-back')[1]).toBe(
      '    status    SWITCHED OFF in plays.disabledRules: runs skip it',
    );
    expect(block(text, 'tier-critical').join('\n')).not.toContain('SWITCHED OFF');
  });

  it('names the sequence a rule enrols in, or the setting that is missing', () => {
    const configured = block(render(settings()), 'renewal-sequence');
    expect(configured).toContain('    sequence  renewal sequence 1001, sent by csm@example.com');
    expect(configured.join('\n')).not.toContain('routing');
    const missing = render(settings({ winBack: { sequenceId: null, maxDaysAfterChurn: 365 } }));
    expect(block(missing, 'win-back').join(' ')).toMatch(
      /sequence {2}no win-back sequence set \(plays\.winBack\.sequenceId\): nobody is enrolled/,
    );
    expect(block(missing, 'tier-critical').join('\n')).not.toContain('sequence  ');
  });
});
