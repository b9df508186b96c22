import { Text, hubspot } from '@hubspot/ui-extensions';

/**
 * The health score at a glance (crm.record.sidebar on companies). A placeholder until the
 * card's real content lands.
 */
export function CompanyHealthSidebar() {
  return <Text>Loading the health score…</Text>;
}

hubspot.extend<'crm.record.sidebar'>(() => <CompanyHealthSidebar />);
