import type { ChurnRiskReport } from './churn-risk-report.ts';
import { accountsText, moneyText } from './format-cell.ts';
import { PLAY_STATUS_WORDS } from './play-status-words.ts';
import type { Section } from './section.ts';

/** The MRR in the two worst tiers, then each account with why and what is being done. */
export function churnRiskSections(r: ChurnRiskReport): Section[] {
  const share = r.mrrShare === null ? '' : ` (${r.mrrShare}% of all MRR)`;
  const lines = [
    `${accountsText(r.total.accounts)} at risk, paying ${moneyText(r.total.mrr)} a month${share}.`,
  ];
  if (r.withoutPlay.accounts > 0)
    lines.push(
      `No play in hand for ${r.withoutPlay.accounts} of them (${moneyText(r.withoutPlay.mrr)}).`,
    );
  return [
    {
      key: 'tiers',
      title: `Churn risk on ${r.asOf.slice(0, 10)}`,
      lines,
      columns: [
        { header: 'Tier', kind: 'tier' },
        { header: 'Accounts', kind: 'count' },
        { header: 'MRR', kind: 'money' },
      ],
      rows: r.byTier.map((t) => [t.tier, t.accounts, t.mrr]),
    },
    {
      key: 'accounts',
      title: 'Accounts at risk, most MRR first',
      lines: [],
      columns: [
        { header: 'Company ID', kind: 'text' },
        { header: 'Account', kind: 'text' },
        { header: 'Owner', kind: 'owner' },
        { header: 'Tier', kind: 'tier' },
        { header: 'Score', kind: 'score' },
        { header: 'Change (7 days)', kind: 'change' },
        { header: 'MRR', kind: 'money' },
        { header: 'Renewal in (days)', kind: 'count' },
        { header: 'What costs the most', kind: 'text' },
        { header: 'Plays in hand', kind: 'text' },
      ],
      rows: r.rows.map((a) => [
        a.companyId,
        a.name,
        a.ownerId,
        a.tier,
        a.score,
        a.change7d,
        a.mrr,
        a.daysToRenewal,
        a.drivers.map((d) => `${d.label}: ${d.value}`).join('; ') || null,
        a.openPlays.map((p) => `${p.title} (${PLAY_STATUS_WORDS[p.status]})`).join('; ') || 'None',
      ]),
    },
  ];
}
