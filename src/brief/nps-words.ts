/** DOMAIN §8's groups: promoter 9–10, passive 7–8, detractor 0–6. */
export function npsGroup(answer: number): 'promoter' | 'passive' | 'detractor' {
  if (answer >= 9) return 'promoter';
  return answer >= 7 ? 'passive' : 'detractor';
}
