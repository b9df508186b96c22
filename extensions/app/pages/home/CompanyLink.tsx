import { Link } from '@hubspot/ui-extensions';
import { companyRecordUrl } from '../format/company-record-url.ts';

export interface CompanyLinkProps {
  portalId: number;
  companyId: string;
  name: string | null;
}

/** The company's name, opening its record (in the same tab: it is a HubSpot page). */
export function CompanyLink({ portalId, companyId, name }: CompanyLinkProps) {
  return (
    <Link href={{ url: companyRecordUrl(portalId, companyId), external: false }}>
      {name ?? `Company ${companyId}`}
    </Link>
  );
}
