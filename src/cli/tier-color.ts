import { createColors } from 'picocolors';
import type { TierDef } from '../scoring/model-schema.ts';

type Paint = (text: string) => string;

/** A terminal colour per tier colour; the terminal has no orange, so it shares red, unbolded. */
export function tierColor(enabled: boolean): (color: TierDef['color'] | null) => Paint {
  const c = createColors(enabled);
  const paints: Record<TierDef['color'], Paint> = {
    green: (t) => c.bold(c.green(t)),
    lime: c.green,
    yellow: c.yellow,
    orange: c.red,
    red: (t) => c.bold(c.red(t)),
  };
  return (color) => (color ? paints[color] : c.dim);
}
