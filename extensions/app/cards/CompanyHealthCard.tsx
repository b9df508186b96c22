import { hubspot } from '@hubspot/ui-extensions';
import { CardDetails } from './components/CardDetails.tsx';
import { useCompanyCard } from './hooks/use-company-card.ts';
import { useHealthProperties } from './hooks/use-health-properties.ts';
import { LoadingState } from './states/LoadingState.tsx';
import { NoDataState } from './states/NoDataState.tsx';
import { NoPermissionState } from './states/NoPermissionState.tsx';
import { NotScoredState } from './states/NotScoredState.tsx';
import { UnavailableState } from './states/UnavailableState.tsx';

export interface CompanyHealthCardProps {
  companyId: string;
  /** The portal's time zone, for dates. */
  timeZone: string;
}

/** The company health tab (crm.record.tab on companies). */
export function CompanyHealthCard({ companyId, timeZone }: CompanyHealthCardProps) {
  const properties = useHealthProperties();
  const api = useCompanyCard(companyId);
  const { load } = api;
  switch (load.status) {
    case 'loading':
      return <LoadingState properties={properties} timeZone={timeZone} />;
    case 'unavailable':
      return <UnavailableState properties={properties} timeZone={timeZone} />;
    case 'forbidden':
      return <NoPermissionState />;
    case 'not-scored':
      return <NotScoredState onScore={api.rescore} />;
    case 'ready':
      return load.card.state === 'no-data' ? (
        <NoDataState card={load.card} />
      ) : (
        <CardDetails card={load.card} api={api} timeZone={timeZone} />
      );
  }
}

hubspot.extend<'crm.record.tab'>(({ context }) => (
  <CompanyHealthCard companyId={String(context.crm.objectId)} timeZone={context.portal.timezone} />
));
