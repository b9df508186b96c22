// HubSpot's company record page: object type 0-2 under the portal's hub id. The origin is the
// portal's own UI domain from account-info (GET /account-info/v3/details), as the service
// answers it: a portal hosted in the EU data centre is opened on app-eu1.hubspot.com, not
// app.hubspot.com.

/** The company's record in HubSpot, where its health tab shows the details. */
export function companyRecordUrl(appOrigin: string, portalId: number, companyId: string): string {
  return `${appOrigin}/contacts/${portalId}/record/0-2/${encodeURIComponent(companyId)}`;
}
