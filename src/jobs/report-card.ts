import type { CardDigest } from '../store/store.ts';
import type { ActionRef, CardSnapshot, PlayRef } from './card-snapshot.ts';

/** What the reports read of a card: the card's own fields, its planned actions as references. */
export interface ReportCard {
  score: number | null;
  tier: Pick<CardSnapshot['tier'], 'key'>;
  change7d: number | null;
  coverage: number;
  drivers: CardSnapshot['drivers'];
  plays: PlayRef[];
}

/**
 * The digest saved beside a card: what the reports read of it, its plays keeping of their
 * actions only what the ledger lookups need (no task bodies), its drivers apart. Together about
 * a third of the card, so a report of the whole book parses no full card.
 */
export function cardDigest(card: CardSnapshot): CardDigest {
  return {
    main: {
      score: card.score,
      tier: { key: card.tier.key },
      change7d: card.change7d,
      coverage: card.coverage,
      plays: card.plays.map((p) => ({ ...p, actions: p.actions.map(actionRef) })),
    },
    drivers: card.drivers,
  };
}

function actionRef(action: CardSnapshot['plays'][number]['actions'][number]): ActionRef {
  if (action.kind === 'enroll') return { kind: action.kind, key: action.key };
  const { kind, key, route, ownerId, subject, priority, dueAt } = action;
  return { kind, key, route, ownerId, subject, priority, dueAt };
}

/**
 * A saved digest (or, from an older Vitals, the card itself) as the reports read it, or null
 * when it has another shape (saved by another version): the account is then listed without a
 * score until the next run. A few checks instead of the card API's schema, which would cost too
 * much per account when a report reads the whole book. Drivers not read are left empty.
 */
export function readReportCard(digest: CardDigest): ReportCard | null {
  const { main } = digest;
  if (typeof main !== 'object' || main === null) return null;
  const card = main as Partial<Record<keyof ReportCard, unknown>>;
  const tier = card.tier as { key?: unknown } | null | undefined;
  if (
    !nullableNumber(card.score) ||
    !nullableNumber(card.change7d) ||
    typeof card.coverage !== 'number' ||
    typeof tier?.key !== 'string' ||
    !Array.isArray(card.plays) ||
    !card.plays.every(isPlay)
  )
    return null;
  const drivers = [digest.drivers, card.drivers].find(Array.isArray) ?? [];
  return { ...(main as ReportCard), drivers: drivers as ReportCard['drivers'] };
}

function nullableNumber(value: unknown): boolean {
  return value === null || typeof value === 'number';
}

function isPlay(value: unknown): value is PlayRef {
  const play = value as Partial<Record<keyof PlayRef, unknown>> | null;
  return typeof play?.id === 'string' && Array.isArray(play.actions);
}
