const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "$12,400", to the whole unit, as the `vitals report` tables print MRR; "–" when unknown. */
export function formatMoney(value: number | null): string {
  if (value === null) return '–';
  return `${value < 0 ? '−' : ''}$${whole.format(Math.abs(value))}`;
}
