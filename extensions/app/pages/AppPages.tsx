import { hubspot } from '@hubspot/ui-extensions';
import { createPageRouter, PageRoutes } from '@hubspot/ui-extensions/pages';
import { HomePage } from './home/HomePage.tsx';

/** The app's pages: only the home page so far; HubSpot shows "Page not found" for other paths. */
export const AppPagesRouter = createPageRouter(
  <PageRoutes>
    <PageRoutes.IndexRoute component={HomePage} id="home" />
  </PageRoutes>,
);

hubspot.extend<'pages'>(() => <AppPagesRouter />);
