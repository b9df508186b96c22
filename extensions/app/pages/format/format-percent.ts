const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "98.2%"; "–" when there was nothing to take a share of. */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${oneDecimal.format(value)}%`;
}
