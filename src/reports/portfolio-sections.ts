import { shownDate } from '../plays/shown-date.ts';
import type { AlertRow } from './alert-queue.ts';
import { accountsText, changeText, moneyText } from './format-cell.ts';
import type { Mover } from './movers.ts';
import { PLAY_STATUS_WORDS } from './play-status-words.ts';
import type { PortfolioReport } from './portfolio-report.ts';
import type { Section } from './section.ts';

const PRIORITY_WORDS = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' } as const;

/** The weekly view: tiers, the score trend, the week's movers and the alert queue. */
export function portfolioSections(r: PortfolioReport): Section[] {
  return [tiers(r), trend(r), movers('up', r.movers.up), movers('down', r.movers.down), alerts(r)];
}

function tiers(r: PortfolioReport): Section {
  const lines = [
    `${accountsText(r.total.accounts)} paying ${moneyText(r.total.mrr)} a month. ${averageLine(r)}`,
  ];
  if (r.withoutMrr.accounts > 0)
    lines.push(`MRR unknown in HubSpot for ${accountsText(r.withoutMrr.accounts)}: counted as $0.`);
  return {
    key: 'tiers',
    title: `Portfolio on ${r.asOf.slice(0, 10)}`,
    lines,
    columns: [
      { header: 'Tier', kind: 'tier' },
      { header: 'Accounts', kind: 'count' },
      { header: 'Share of accounts', kind: 'percent' },
      { header: 'MRR', kind: 'money' },
      { header: 'Share of MRR', kind: 'percent' },
    ],
    rows: [
      ...r.byTier.map((t) => [t.tier, t.accounts, t.accountShare, t.mrr, t.mrrShare]),
      [
        { value: 'All accounts', kind: 'text' },
        r.total.accounts,
        r.total.accounts > 0 ? 100 : null,
        r.total.mrr,
        r.total.mrr > 0 ? 100 : null,
      ],
    ],
  };
}

function trend(r: PortfolioReport): Section {
  return {
    key: 'trend',
    title: `Average score, week by week (last ${r.trend.length} weeks)`,
    lines: [],
    columns: [
      { header: 'Week ending', kind: 'date' },
      { header: 'Average score', kind: 'score' },
      { header: 'Accounts scored', kind: 'count' },
    ],
    rows: r.trend.map((p) => [p.weekEnding, p.average, p.ids.length]),
  };
}

function movers(way: 'up' | 'down', rows: readonly Mover[]): Section {
  return {
    key: `movers-${way}`,
    title: way === 'up' ? 'Biggest rises this week' : 'Biggest falls this week',
    lines: [],
    columns: [
      { header: 'Company ID', kind: 'text' },
      { header: 'Account', kind: 'text' },
      { header: 'Owner', kind: 'owner' },
      { header: 'Tier', kind: 'tier' },
      { header: 'Score a week ago', kind: 'score' },
      { header: 'Score now', kind: 'score' },
      { header: 'Change', kind: 'change' },
      { header: 'MRR', kind: 'money' },
    ],
    rows: rows.map((m) => [m.companyId, m.name, m.ownerId, m.tier, m.from, m.to, m.change, m.mrr]),
  };
}

function alerts(r: PortfolioReport): Section {
  return {
    key: 'alerts',
    title: 'Alert queue: plays waiting on someone, most urgent first',
    lines: [],
    columns: [
      { header: 'Company ID', kind: 'text' },
      { header: 'Account', kind: 'text' },
      { header: 'Tier', kind: 'tier' },
      { header: 'Score', kind: 'score' },
      { header: 'Change (7 days)', kind: 'change' },
      { header: 'Trigger', kind: 'text' },
      { header: 'Play', kind: 'text' },
      { header: 'Priority', kind: 'text' },
      { header: 'Owner', kind: 'owner' },
      { header: 'Due', kind: 'date' },
      { header: 'Status', kind: 'text' },
    ],
    rows: r.alerts.map((a: AlertRow) => [
      a.companyId,
      a.name,
      a.tier,
      a.score,
      a.change7d,
      a.trigger,
      a.play,
      PRIORITY_WORDS[a.priority],
      a.ownerId,
      a.dueAt === null ? null : shownDate(a.dueAt, r.timeZone),
      PLAY_STATUS_WORDS[a.status],
    ]),
  };
}

function averageLine(r: PortfolioReport): string {
  const avg = r.averageScore.value;
  if (avg === null) return 'No account has a score yet.';
  const { week, weeks } = r.trendChange;
  const moves = [
    week === null ? null : `${changeText(week)} this week`,
    weeks === null ? null : `${changeText(weeks)} over ${r.trend.length} weeks`,
  ].filter((m) => m !== null);
  return `Average score ${avg}${moves.length > 0 ? ` (${moves.join(', ')})` : ''}.`;
}
