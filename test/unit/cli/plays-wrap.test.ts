import { describe, expect, it } from 'vitest';
import { labelled, wrap } from '../../../src/cli/plays-wrap.ts';

describe('wrapping text for the plays commands', () => {
  it('breaks at spaces so no line passes the width, and keeps every word', () => {
    const text = 'score falls 15+ points within 7 days; fires once per crossing';
    const lines = wrap(text, 20);
    expect(lines).toEqual([
      'score falls 15+',
      'points within 7',
      'days; fires once per',
      'crossing',
    ]);
    expect(lines.join(' ')).toBe(text);
  });

  it('gives a word longer than the width a line of its own, and nothing for blank text', () => {
    expect(wrap('see plays.paymentRecovery.sequenceId now', 12)).toEqual([
      'see',
      'plays.paymentRecovery.sequenceId',
      'now',
    ]);
    expect(wrap('  ', 10)).toEqual([]);
  });

  it('hangs the wrapped text under itself, after the label column', () => {
    const layout = { indent: 4, labelWidth: 10, width: 40 };
    expect(labelled('when', 'score falls 15+ points within 7 days, once', layout)).toEqual([
      '    when      score falls 15+ points',
      '              within 7 days, once',
    ]);
    // A label wider than its column pushes the text one space past it.
    expect(
      labelled('tier-critical —', 'Critical', { ...layout, indent: 2, labelWidth: 0 }),
    ).toEqual(['  tier-critical — Critical']);
    expect(labelled('does', '', layout)).toEqual(['    does']);
  });
});
