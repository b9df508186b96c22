import type { CardDigest } from './store.ts';

/** A digest as saved: the card's main part and its drivers, each as JSON text. */
export function digestOf(main: string, drivers: string | null): CardDigest {
  return {
    main: JSON.parse(main) as unknown,
    drivers: drivers === null ? null : (JSON.parse(drivers) as unknown),
  };
}
