import { Link } from '@hubspot/ui-extensions';
import { companyRecordUrl } from '../format/company-record-url.ts';

export interface CompanyLinkProps {
  /** The portal's HubSpot origin, e.g. https://app-eu1.hubspot.com. */
  appOrigin: string;
  portalId: number;
  companyId: string;
  name: string | null;
}

/** The company's name, opening its record (in the same tab: it is a HubSpot page). */
export function CompanyLink({ appOrigin, portalId, companyId, name }: CompanyLinkProps) {
  return (
    <Link href={{ url: companyRecordUrl(appOrigin, portalId, companyId), external: false }}>
      {name ?? `Company ${companyId}`}
    </Link>
  );
}
