const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A HubSpot number value ("1234.5", "-3", "1e3"); null for anything else, including hex,
 * "Infinity", thousands separators and units, so that garbage is reported rather than guessed.
 */
export function parseNumber(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
