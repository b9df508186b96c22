import { hubspot } from '@hubspot/ui-extensions';
import { SidebarSummary } from './components/SidebarSummary.tsx';
import { useCompanyCard } from './hooks/use-company-card.ts';
import { useHealthProperties } from './hooks/use-health-properties.ts';
import { LoadingState } from './states/LoadingState.tsx';
import { NoDataState } from './states/NoDataState.tsx';
import { NoPermissionState } from './states/NoPermissionState.tsx';
import { NotScoredState } from './states/NotScoredState.tsx';
import { UnavailableState } from './states/UnavailableState.tsx';

export interface CompanyHealthSidebarProps {
  companyId: string;
  /** The portal's time zone, for dates. */
  timeZone: string;
}

/** The health score at a glance (crm.record.sidebar on companies). */
export function CompanyHealthSidebar({ companyId, timeZone }: CompanyHealthSidebarProps) {
  const properties = useHealthProperties();
  const api = useCompanyCard(companyId);
  const { load } = api;
  switch (load.status) {
    case 'loading':
      return <LoadingState properties={properties} timeZone={timeZone} compact />;
    case 'unavailable':
      return <UnavailableState properties={properties} timeZone={timeZone} compact />;
    case 'forbidden':
      return <NoPermissionState />;
    case 'not-scored':
      return <NotScoredState onScore={api.rescore} compact />;
    case 'ready':
      return load.card.state === 'no-data' ? (
        <NoDataState card={load.card} />
      ) : (
        <SidebarSummary card={load.card} timeZone={timeZone} />
      );
  }
}

hubspot.extend<'crm.record.sidebar'>(({ context }) => (
  <CompanyHealthSidebar
    companyId={String(context.crm.objectId)}
    timeZone={context.portal.timezone}
  />
));
