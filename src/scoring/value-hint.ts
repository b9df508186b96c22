import { closestMatch } from '../validation/closest-match.ts';

/** For an enum value that is not allowed: the allowed one it most likely meant ("Advanced"). */
export function enumHint(input: unknown, values: readonly string[]): string {
  if (typeof input !== 'string') return '';
  const folded = input.trim().toLowerCase();
  const guess = values.find((v) => v.toLowerCase() === folded) ?? closestMatch(input, values);
  return guess === null ? '' : ` Did you mean "${guess}"?`;
}

/**
 * For a number field given text: a number in quotes ("42") is told to drop them; a word the
 * field takes, in other case ("None"), gets a did-you-mean.
 */
export function numberHint(input: unknown, words: readonly string[]): string {
  if (typeof input !== 'string' || input.trim() === '') return '';
  const value = Number(input.trim());
  if (Number.isFinite(value))
    return ` That is a number written as text: write ${value}, without quotes.`;
  const folded = input.trim().toLowerCase();
  const word = words.find((w) => w.toLowerCase() === folded);
  return word === undefined ? '' : ` Did you mean "${word}"?`;
}
