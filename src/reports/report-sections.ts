import { churnRiskSections } from './churn-risk-sections.ts';
import type { ChurnRiskReport } from './churn-risk-report.ts';
import { expansionSections } from './expansion-sections.ts';
import type { ExpansionReport } from './expansion-report.ts';
import type { PortfolioReport } from './portfolio-report.ts';
import { portfolioSections } from './portfolio-sections.ts';
import type { ReactivationReport } from './reactivation-report.ts';
import { reactivationSections } from './reactivation-sections.ts';
import type { RenewalsReport } from './renewals-report.ts';
import { renewalsSections } from './renewals-sections.ts';
import type { RetentionReport } from './retention-report.ts';
import { retentionSections } from './retention-sections.ts';
import type { Section } from './section.ts';

export type Report =
  | PortfolioReport
  | RenewalsReport
  | ChurnRiskReport
  | ExpansionReport
  | ReactivationReport
  | RetentionReport;

export type ReportName = Report['kind'];

/** The table a report's CSV holds unless another is asked for. */
export const MAIN_TABLE: Record<ReportName, string> = {
  portfolio: 'tiers',
  renewals: 'renewals',
  'churn-risk': 'accounts',
  expansion: 'accounts',
  reactivation: 'accounts',
  retention: 'figures',
};

/** The report as titled tables, for the text and CSV renderers. */
export function reportSections(report: Report): Section[] {
  switch (report.kind) {
    case 'portfolio':
      return portfolioSections(report);
    case 'renewals':
      return renewalsSections(report);
    case 'churn-risk':
      return churnRiskSections(report);
    case 'expansion':
      return expansionSections(report);
    case 'reactivation':
      return reactivationSections(report);
    case 'retention':
      return retentionSections(report);
  }
}
