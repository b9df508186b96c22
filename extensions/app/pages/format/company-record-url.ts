// HubSpot's company record page: object type 0-2 under the portal's hub id. HubSpot sends a
// portal hosted in another data centre (app-eu1…) on from app.hubspot.com: not verified here.
const APP_ORIGIN = 'https://app.hubspot.com';

/** The company's record in HubSpot, where its health tab shows the details. */
export function companyRecordUrl(portalId: number, companyId: string): string {
  return `${APP_ORIGIN}/contacts/${portalId}/record/0-2/${encodeURIComponent(companyId)}`;
}
