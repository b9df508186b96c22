import {
  Accordion,
  BarChart,
  Button,
  EmptyState,
  ErrorState,
  LineChart,
  Link,
  LoadingSpinner,
  StatisticsItem,
  Table,
  TableRow,
  Tag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { PageTitle } from '@hubspot/ui-extensions/pages';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { textIn, textOf } from '../cards/render-card.tsx';
import {
  aView,
  deferred,
  type FakeAnswer,
  mockService,
  PORTAL_ID,
  renderPages,
} from './render-home-page.tsx';

afterEach(() => {
  vi.restoreAllMocks();
});

const COMPUTED_AT = '2025-06-02T12:00:05.000Z';
const ready = (view = aView()): FakeAnswer => ({
  status: 200,
  body: { status: 'ready', computedAt: COMPUTED_AT, view },
});
const recordUrl = (id: string, origin = 'https://app.hubspot.com') =>
  `${origin}/contacts/${PORTAL_ID}/record/0-2/${id}`;

describe('the home page while it loads', () => {
  it('shows its title and a spinner, and asks the service for the portfolio once', async () => {
    const paths = mockService(() => deferred<FakeAnswer>().promise);
    const page = renderPages();
    expect(page.find(PageTitle).text).toBe('Customer health');
    expect(page.findByTestId(LoadingSpinner, 'loading').props.label).toContain('Loading');
    await vi.waitFor(() => expect(paths).toEqual(['GET /api/portfolio']));
  });
});

describe('the home page of a scored portal', () => {
  const view = aView();

  async function loaded() {
    mockService(() => ready(view));
    const page = renderPages();
    await page.waitFor(() => expect(page.findByTestId(Table, 'alerts-table')).toBeDefined());
    return page;
  }

  it('heads the page with the book in four numbers and when they were computed', async () => {
    const page = await loaded();
    const items = page.findAll(StatisticsItem).slice(0, 4);
    expect(items.map((i) => [i.props.label, i.props.number])).toEqual([
      ['Customers', 17],
      ['MRR', '$41,550'],
      ['Average health score', view.averageScore],
      ['Renewing in 120 days', expect.stringMatching(/^\$[\d,]+$/) as string],
    ]);
    expect(page.findByTestId(Text, 'as-of').text).toContain('Jun 2, 2025');
  });

  it('charts the MRR by tier in the tiers’ colours, and the 13-week trend', async () => {
    const page = await loaded();
    const bars = page.findByTestId(BarChart, 'tier-chart').props;
    expect(bars.data).toEqual(view.tiers.map((t) => ({ tier: t.label, mrr: t.mrr })));
    expect(bars.axes.options?.colors).toMatchObject({ Healthy: 'green', Critical: 'darkOrange' });
    const line = page.findByTestId(LineChart, 'trend-chart').props.data as unknown[];
    expect(line).toHaveLength(13);
  });

  it('says under the trend when the scoring model changed, and nothing while it did not', async () => {
    expect((await loaded()).maybeFindByTestId(Text, 'trend-model-change')).toBeNull();
    mockService(() =>
      ready({
        ...view,
        modelChanges: [
          {
            at: '2025-05-12T06:00:00.000Z',
            from: 'retention-os 1+aaaaaaaa',
            to: 'retention-os-suggested 1-suggested+bbbbbbbb',
          },
        ],
      }),
    );
    const page = renderPages();
    await page.waitFor(() => expect(page.findByTestId(Text, 'trend-model-change')).toBeDefined());
    expect(page.findByTestId(Text, 'trend-model-change').text).toMatch(
      /^The scoring model changed on May 12, 2025, .* \(retention-os 1\+aaaaaaaa → retention-os-suggested 1-suggested\+bbbbbbbb\): the averages before and after are not the same measure\.$/,
    );
  });

  it('lists the alert queue, each company linking to its record', async () => {
    const page = await loaded();
    const rows = page.findByTestId(Table, 'alerts-table').findAll(TableRow);
    // The header row, then one row per queued play.
    expect(rows).toHaveLength(view.alerts.rows.length + 1);
    const first = view.alerts.rows[0]!;
    const link = rows[1]!.find(Link);
    expect(link.props.href).toEqual({ url: recordUrl(first.companyId), external: false });
    expect(link.text).toBe(first.name);
    expect(textIn(rows[1]!)).toContain(first.trigger);
  });

  it('links each company to its record on the portal’s own HubSpot origin, EU included', async () => {
    const eu = 'https://app-eu1.hubspot.com';
    mockService(() => ({
      status: 200,
      body: { status: 'ready', computedAt: COMPUTED_AT, view, appOrigin: eu },
    }));
    const page = renderPages();
    await page.waitFor(() => expect(page.findByTestId(Table, 'alerts-table')).toBeDefined());
    const alert = page.findByTestId(Table, 'alerts-table').findAll(TableRow)[1]!.find(Link);
    expect(alert.props.href).toEqual({
      url: `${eu}/contacts/${PORTAL_ID}/record/0-2/${view.alerts.rows[0]!.companyId}`,
      external: false,
    });
    const renewal = page.findByTestId(Table, 'renewals-table').findAll(TableRow)[1]!.find(Link);
    expect(renewal.props.href).toMatchObject({
      url: recordUrl(view.renewals.rows[0]!.companyId, eu),
    });
  });

  it('links to app.hubspot.com when an older service gives no origin', async () => {
    const page = await loaded();
    const link = page.findByTestId(Table, 'alerts-table').findAll(TableRow)[1]!.find(Link);
    expect(link.props.href).toMatchObject({
      url: `https://app.hubspot.com/contacts/${PORTAL_ID}/record/0-2/${view.alerts.rows[0]!.companyId}`,
    });
  });

  it('lists the renewals with their forecast, lost and at risk first', async () => {
    const page = await loaded();
    const rows = page.findByTestId(Table, 'renewals-table').findAll(TableRow).slice(1);
    expect(rows).toHaveLength(view.renewals.rows.length);
    expect(rows.map((r) => r.findAll(Tag).at(-1)!.text)).toEqual(
      view.renewals.rows.map(
        (r) => view.renewals.forecast.find((f) => f.forecast === r.forecast)!.label,
      ),
    );
    expect(rows[0]!.find(Link).props.href).toMatchObject({
      url: recordUrl(view.renewals.rows[0]!.companyId),
    });
    expect(page.find(Accordion).props.title).toBe('How the forecast is decided');
    expect(textIn(page.find(Accordion))).toContain('Committed: Healthy with more than 7 days');
  });

  it('gives the retention figures for the last full month and quarter', async () => {
    const page = await loaded();
    const tile = page.findByTestId(Tile, 'retention-quarter');
    expect(tile.findAll(StatisticsItem).map((i) => [i.props.label, i.props.number])).toEqual([
      ['NRR', '98.2%'],
      ['GRR', '95.9%'],
      ['Logo churn', '11.8%'],
    ]);
    const quarter = textIn(tile);
    expect(quarter).toContain('Last full quarter: Q1 2025');
    expect(quarter).toContain('$42,600 from 17 accounts');
    expect(quarter).toContain('+$1,000 (1 account)');
    expect(quarter).toContain('−$1,250 (2 accounts of 17)');
    const month = textIn(page.findByTestId(Tile, 'retention-month'));
    expect(month).toContain('Last full month: May 2025');
  });

  it('says so when a list is cut short, and when there is nothing in it', async () => {
    const quiet = { ...view, alerts: { total: 0, rows: [] } };
    const many = {
      ...quiet,
      renewals: { ...view.renewals, total: { accounts: 812, mrr: 1_000_000 } },
    };
    mockService(() => ready(many));
    const page = renderPages();
    await page.waitFor(() => expect(page.findByTestId(Text, 'alerts-empty')).toBeDefined());
    expect(textOf(page)).toContain(
      `Showing ${view.renewals.rows.length} of 812 renewals: lost and at risk first`,
    );
  });
});

describe('the home page of a portal no run has summed up', () => {
  it('says there are no figures yet and what brings them', async () => {
    const message = 'No run has summed up this portal yet. It fills in after the next run.';
    mockService(() => ({ status: 404, body: { status: 'no-view', message } }));
    const page = renderPages();
    await page.waitFor(() => expect(page.findByTestId(EmptyState, 'no-run-yet')).toBeDefined());
    expect(page.find(EmptyState).props.title).toBe('No health figures yet');
    expect(textOf(page)).toContain(message);
  });
});

describe('the home page when the service cannot answer', () => {
  it.each<[string, FakeAnswer, string, RegExp]>([
    ['the fetch fails', 'unreachable', 'Vitals can’t be reached', /Try again in a few minutes/],
    ['it answers 502', { status: 502 }, 'Vitals can’t be reached', /`vitals doctor`/],
    [
      'it refuses the signature',
      { status: 401, body: { status: 'error', message: 'bad' } },
      'Vitals refused the request',
      /HUBSPOT_CLIENT_SECRET/,
    ],
    [
      'its view is of another version',
      { status: 200, body: { status: 'ready', computedAt: COMPUTED_AT, view: { version: 2 } } },
      'Vitals answered in an unexpected form',
      /`hs project upload`/,
    ],
    [
      'it gives an origin outside hubspot.com for the links',
      {
        status: 200,
        body: {
          status: 'ready',
          computedAt: COMPUTED_AT,
          view: aView(),
          appOrigin: 'https://app.hubspot.com.evil.example',
        },
      },
      'Vitals answered in an unexpected form',
      /`hs project upload`/,
    ],
    [
      'it has no such route yet',
      { status: 404, body: { status: 'error', message: 'not a route' } },
      'Vitals answered in an unexpected form',
      /update the service/,
    ],
  ])('says what is wrong and what to do when %s', async (_, answer, title, advice) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    mockService(() => answer);
    const page = renderPages();
    await page.waitFor(() => expect(page.findByTestId(ErrorState, 'unavailable')).toBeDefined());
    expect(page.find(ErrorState).props.title).toBe(title);
    expect(textOf(page)).toMatch(advice);
  });

  it('loads the page when "Try again" finds the service back', async () => {
    let answer: FakeAnswer = 'unreachable';
    const paths = mockService(() => answer);
    const page = renderPages();
    await page.waitFor(() => expect(page.findByTestId(Button, 'retry')).toBeDefined());
    answer = ready();
    page.findByTestId(Button, 'retry').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(Table, 'alerts-table')).toBeDefined());
    expect(paths).toEqual(['GET /api/portfolio', 'GET /api/portfolio']);
  });
});

describe('the app pages', () => {
  it('answer a path they do not have with HubSpot’s "Page not found"', () => {
    mockService(() => deferred<FakeAnswer>().promise);
    const page = renderPages('/elsewhere');
    expect(textOf(page)).toContain('This app page does not exist.');
  });
});
