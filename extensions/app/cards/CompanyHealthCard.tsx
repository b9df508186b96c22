import { Text, hubspot } from '@hubspot/ui-extensions';

/**
 * The company health tab (crm.record.tab on companies). A placeholder until the card's real
 * content lands: it only proves the entry file, its hsmeta and the build fit together.
 */
export function CompanyHealthCard() {
  return <Text>Loading the company's health…</Text>;
}

hubspot.extend<'crm.record.tab'>(() => <CompanyHealthCard />);
