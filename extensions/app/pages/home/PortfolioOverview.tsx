import { Divider, Flex, Text } from '@hubspot/ui-extensions';
import { formatTime } from '../format/format-time.ts';
import type { HomePageView } from '../home-page-contract.ts';
import { AlertQueueTable } from './AlertQueueTable.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { RenewalsTable } from './RenewalsTable.tsx';
import { RetentionFigures } from './RetentionFigures.tsx';
import { ScoreTrendChart } from './ScoreTrendChart.tsx';
import { TierChart } from './TierChart.tsx';

export interface PortfolioOverviewProps {
  view: HomePageView;
  computedAt: string;
  /** The portal's HubSpot origin from the service's answer: company links open there. */
  appOrigin: string;
  portalId: number;
}

/** The whole book on one page, as the last run summed it up. */
export function PortfolioOverview({
  view,
  computedAt,
  appOrigin,
  portalId,
}: PortfolioOverviewProps) {
  return (
    <Flex direction="column" gap="md">
      <Text testId="as-of" variant="microcopy">
        {`Figures from the last scoring run, ${formatTime(computedAt, view.timeZone) ?? computedAt}. They update after each run.`}
      </Text>
      <HeadlineFigures view={view} />
      <Flex direction="row" gap="lg" wrap="wrap">
        <TierChart view={view} />
        <ScoreTrendChart view={view} />
      </Flex>
      <Divider />
      <AlertQueueTable view={view} appOrigin={appOrigin} portalId={portalId} />
      <Divider />
      <RenewalsTable view={view} appOrigin={appOrigin} portalId={portalId} />
      <Divider />
      <RetentionFigures view={view} />
    </Flex>
  );
}
