/**
 * Where the Vitals service answers. HubSpot only lets `hubspot.fetch` call URLs listed in
 * app-hsmeta.json → permittedUrls.fetch, so the admin replaces this placeholder and that entry
 * together (extensions/README.md).
 */
export const SERVICE_URL = 'https://vitals.example.com';
