import type { Lever } from '../scoring/explain-score.ts';
import { pointsWords, valueWords } from './brief-words.ts';

/** "Champion from weak to strong: +4 points." */
export function leverLine(lever: Lever): string {
  return `${lever.label} from ${valueWords(lever.value)} to ${valueWords(lever.target)}: +${pointsWords(lever.gain)}.`;
}
