import { useExtensionContext } from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import { usePortfolio } from '../hooks/use-portfolio.ts';
import type { PortfolioLoad } from '../service/read-portfolio-answer.ts';
import { LoadingState } from '../states/LoadingState.tsx';
import { NoRunYetState } from '../states/NoRunYetState.tsx';
import { UnavailableState } from '../states/UnavailableState.tsx';
import { PortfolioOverview } from './PortfolioOverview.tsx';

/** The app's home page: the CS leader's view of the whole book. */
export function HomePage() {
  const { portal } = useExtensionContext<'pages'>();
  const { load, reload } = usePortfolio();
  return (
    <>
      <PageTitle>Customer health</PageTitle>
      <HomePageContent load={load} reload={reload} portalId={portal.id} />
    </>
  );
}

interface HomePageContentProps {
  load: PortfolioLoad;
  reload: () => void;
  portalId: number;
}

function HomePageContent({ load, reload, portalId }: HomePageContentProps) {
  switch (load.status) {
    case 'loading':
      return <LoadingState />;
    case 'no-run-yet':
      return <NoRunYetState message={load.message} />;
    case 'unavailable':
      return <UnavailableState reason={load.reason} onRetry={reload} />;
    case 'ready':
      return (
        <PortfolioOverview
          view={load.view}
          computedAt={load.computedAt}
          appOrigin={load.appOrigin}
          portalId={portalId}
        />
      );
  }
}
