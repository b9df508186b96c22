import {
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { formatMoney } from '../format/format-money.ts';
import { formatTime } from '../format/format-time.ts';
import { ownerLabel } from '../format/owner-label.ts';
import type { AlertRow, HomePageView } from '../home-page-contract.ts';
import { CompanyLink, type CompanyLinkProps } from './CompanyLink.tsx';
import { TierTag } from './TierTag.tsx';

const STATUS_WORDS: Record<AlertRow['status'], string> = {
  open: 'Recommended, no task yet',
  'task-created': 'Task in HubSpot',
  held: 'Waiting: owner’s daily task limit',
};

const PRIORITY: Record<
  AlertRow['priority'],
  { label: string; variant: 'error' | 'warning' | 'default' }
> = {
  HIGH: { label: 'High', variant: 'error' },
  MEDIUM: { label: 'Medium', variant: 'warning' },
  LOW: { label: 'Low', variant: 'default' },
};

/** Every play still waiting on someone, most urgent first; each company opens its record. */
export function AlertQueueTable({
  view,
  appOrigin,
  portalId,
}: { view: HomePageView } & Pick<CompanyLinkProps, 'appOrigin' | 'portalId'>) {
  const { alerts } = view;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Alert queue</Heading>
      {alerts.rows.length === 0 ? (
        <Text testId="alerts-empty">No play is waiting on anyone right now.</Text>
      ) : (
        <Table testId="alerts-table" bordered>
          <TableHead>
            <TableRow>
              <TableHeader>Company</TableHeader>
              <TableHeader>Health</TableHeader>
              <TableHeader>7 days</TableHeader>
              <TableHeader>MRR</TableHeader>
              <TableHeader>Play</TableHeader>
              <TableHeader>Why</TableHeader>
              <TableHeader>Owner</TableHeader>
              <TableHeader>Due</TableHeader>
              <TableHeader>Status</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {alerts.rows.map((a, i) => (
              <TableRow key={`${a.companyId}/${i}`}>
                <TableCell>
                  <CompanyLink
                    appOrigin={appOrigin}
                    portalId={portalId}
                    companyId={a.companyId}
                    name={a.name}
                  />
                </TableCell>
                <TableCell>
                  <TierTag tiers={view.tiers} tier={a.tier} score={a.score} />
                </TableCell>
                <TableCell>{changeText(a.change7d)}</TableCell>
                <TableCell>{formatMoney(a.mrr)}</TableCell>
                <TableCell>
                  <Flex direction="row" gap="xs" align="center">
                    <Tag variant={PRIORITY[a.priority].variant}>{PRIORITY[a.priority].label}</Tag>
                    <Text>{a.play}</Text>
                  </Flex>
                </TableCell>
                <TableCell>{a.trigger}</TableCell>
                <TableCell>{ownerLabel(a)}</TableCell>
                <TableCell>{formatTime(a.dueAt, view.timeZone) ?? '–'}</TableCell>
                <TableCell>{STATUS_WORDS[a.status]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {alerts.rows.length < alerts.total && (
        <Text variant="microcopy">
          Showing the {alerts.rows.length} most urgent of {alerts.total} plays waiting on someone.
        </Text>
      )}
    </Flex>
  );
}

/** "+6", "−3", "0"; "–" without a reading a week ago. */
function changeText(change: number | null): string {
  if (change === null) return '–';
  if (change === 0) return '0';
  return change > 0 ? `+${change}` : `−${Math.abs(change)}`;
}
