import {
  Accordion,
  Flex,
  Heading,
  List,
  Statistics,
  StatisticsItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { formatDay } from '../format/format-day.ts';
import { formatMoney } from '../format/format-money.ts';
import { ownerLabel } from '../format/owner-label.ts';
import type { FORECASTS, HomePageView } from '../home-page-contract.ts';
import { CompanyLink, type CompanyLinkProps } from './CompanyLink.tsx';
import { TierTag } from './TierTag.tsx';

const FORECAST_VARIANT: Record<
  (typeof FORECASTS)[number],
  'success' | 'info' | 'warning' | 'error'
> = { committed: 'success', likely: 'info', 'at-risk': 'warning', lost: 'error' };

/** What renews in the next 120 days: MRR per forecast, then the renewals that need someone. */
export function RenewalsTable({
  view,
  appOrigin,
  portalId,
}: { view: HomePageView } & Pick<CompanyLinkProps, 'appOrigin' | 'portalId'>) {
  const { renewals } = view;
  const label = (f: string) => renewals.forecast.find((r) => r.forecast === f)?.label ?? f;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Renewals in the next {renewals.days} days</Heading>
      <Statistics testId="renewal-forecast">
        {renewals.forecast.map((f) => (
          <StatisticsItem
            key={f.forecast}
            label={`${f.label} (${f.accounts})`}
            number={formatMoney(f.mrr)}
          />
        ))}
      </Statistics>
      {renewals.rows.length === 0 ? (
        <Text testId="renewals-empty">No renewals in the next {renewals.days} days.</Text>
      ) : (
        <Table testId="renewals-table" bordered>
          <TableHead>
            <TableRow>
              <TableHeader>Company</TableHeader>
              <TableHeader>Renews</TableHeader>
              <TableHeader>MRR</TableHeader>
              <TableHeader>Health</TableHeader>
              <TableHeader>Forecast</TableHeader>
              <TableHeader>Why</TableHeader>
              <TableHeader>Owner</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {renewals.rows.map((r) => (
              <TableRow key={r.companyId}>
                <TableCell>
                  <CompanyLink
                    appOrigin={appOrigin}
                    portalId={portalId}
                    companyId={r.companyId}
                    name={r.name}
                  />
                </TableCell>
                <TableCell>{`${formatDay(r.renewalDate)} (${daysText(r.daysToGo)})`}</TableCell>
                <TableCell>{formatMoney(r.mrr)}</TableCell>
                <TableCell>
                  <TierTag tiers={view.tiers} tier={r.tier} score={r.score} />
                </TableCell>
                <TableCell>
                  <Tag variant={FORECAST_VARIANT[r.forecast]}>{label(r.forecast)}</Tag>
                </TableCell>
                <TableCell>{r.forecastReason}</TableCell>
                <TableCell>{ownerLabel(r)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {renewals.rows.length < renewals.total.accounts && (
        <Text variant="microcopy">
          Showing {renewals.rows.length} of {renewals.total.accounts} renewals: lost and at risk
          first, then the soonest.
        </Text>
      )}
      <Accordion title="How the forecast is decided" size="sm">
        <List variant="unordered">
          {renewals.forecastRule.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </List>
      </Accordion>
    </Flex>
  );
}

function daysText(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}
