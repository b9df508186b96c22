/** A signal or modifier value as people read it: "45%", "12 days", "two plus late". */
export function formatValue(value: number | string, unit?: string): string {
  if (typeof value === 'string') return value.replaceAll('_', ' ');
  const number = String(Math.round(value * 100) / 100);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}
