/** "+5 points", "−3 points", "1 point". */
export function formatPoints(points: number, signed = false): string {
  const rounded = Math.round(points);
  const size = Math.abs(rounded);
  const sign = !signed || rounded === 0 ? '' : rounded > 0 ? '+' : '−';
  return `${sign}${size} ${size === 1 ? 'point' : 'points'}`;
}
