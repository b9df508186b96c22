import { CliError } from './cli-error.ts';

/** A COMPANY_ID argument, trimmed; anything but digits stops the command with the fix. */
export function companyIdArgument(raw: string): string {
  const id = raw.trim();
  if (!/^\d+$/.test(id))
    throw new CliError(
      `${JSON.stringify(raw)} is not a company id: HubSpot company ids are digits only, e.g. 31000000001 (the number at the end of the company's page address in HubSpot).`,
    );
  return id;
}

/** "No company has the id …" for a command that looked it up; `which` says what names the portal. */
export function noSuchCompany(id: string, source: 'sandbox' | 'hubspot', which: string): CliError {
  const portal = source === 'sandbox' ? 'the sandbox demo portal' : 'your HubSpot portal';
  return new CliError(
    `No company has the id ${id} in ${portal}. Check the id (the number at the end of the company's page address in HubSpot), and that Vitals talks to the portal you mean: ${which} which one it is.`,
  );
}
