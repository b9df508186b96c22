/**
 * Where the Vitals service answers: the same URL as the cards' (each extension point uploads
 * on its own, so each keeps its copy). HubSpot only lets `hubspot.fetch` call URLs listed in
 * app-hsmeta.json → permittedUrls.fetch; `vitals app configure` writes both.
 */
export const SERVICE_URL = 'https://vitals.example.com';
