import type { NpsRating } from './report-input.ts';

export interface NpsFigure {
  /** % promoters − % detractors, to one decimal; null without answers. */
  score: number | null;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** The companies whose contacts' answers count. */
  ids: string[];
}

/**
 * DOMAIN §8: % promoters (9–10) − % detractors (0–6), over each contact's latest answer given
 * at or before `until`, for the companies `keep` accepts.
 */
export function npsScore(
  ratings: readonly NpsRating[],
  until: number,
  keep: (companyId: string) => boolean,
): NpsFigure {
  const latest = new Map<string, { rating: NpsRating; at: number }>();
  for (const rating of ratings) {
    const at = Date.parse(rating.at);
    if (at > until || !keep(rating.companyId)) continue;
    const known = latest.get(rating.contactId);
    if (!known || known.at < at) latest.set(rating.contactId, { rating, at });
  }
  const answers = Array.from(latest.values(), (l) => l.rating);
  const promoters = answers.filter((r) => r.score >= 9).length;
  const detractors = answers.filter((r) => r.score <= 6).length;
  const responses = answers.length;
  const score =
    responses === 0 ? null : Math.round((((promoters - detractors) * 100) / responses) * 10) / 10;
  return {
    score,
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    ids: [...new Set(answers.map((r) => r.companyId))],
  };
}
