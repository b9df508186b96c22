import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../../src/cli/progress-reporter.ts';
import type { RunProgress } from '../../../src/store/store.ts';

const progress = (companies: number, pages: number): RunProgress => ({
  cursor: pages === 0 ? null : String(pages * 100),
  pagesDone: pages,
  companies,
  scored: companies,
  unchanged: 0,
  updated: companies,
  apiCalls: { 'companies.list': pages, 'associations.batchRead': 1, 'contacts.batchRead': 4 },
});

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (t: string) => chunks.push(t) }, text: () => chunks.join('') };
}

describe('run progress', () => {
  it('logs one JSON record per chunk and one at the end when stderr is not a terminal', () => {
    const out = capture(false);
    const reporter = progressReporter(out.stream, 2000);
    reporter.update(progress(1000, 10));
    reporter.update(progress(2000, 20));
    reporter.finish('completed');
    const records = out
      .text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(3);
    expect(records[1]).toMatchObject({
      level: 30,
      msg: 'rescore progress',
      pages: 20,
      companies: 2000,
      apiCalls: 25,
    });
    expect(records[1].time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(records[2]).toMatchObject({ msg: 'rescore finished', companies: 2000 });
  });

  it('warns, still as JSON, when the run stops early', () => {
    const out = capture(false);
    const reporter = progressReporter(out.stream, null);
    reporter.update(progress(1000, 10));
    reporter.finish('failed', 'HubSpot answered 503 five times');
    const last = JSON.parse(out.text().trim().split('\n').at(-1)!);
    expect(last).toMatchObject({
      level: 40,
      companies: 1000,
      msg: 'rescore did not finish',
      reason: 'HubSpot answered 503 five times',
    });
  });

  it('draws a bar with companies, pages, API calls and an ETA on a terminal', () => {
    const out = capture(true);
    const reporter = progressReporter(out.stream, 4000);
    reporter.update(progress(1000, 10));
    reporter.finish('completed');
    const text = out.text();
    expect(text).toContain('1000/4000 companies');
    expect(text).toContain('10 pages');
    expect(text).toContain('15 API calls');
    expect(text).toContain('ETA');
    expect(text).not.toContain('{');
  });

  it('shows counts without an ETA when no earlier run says how big the portal is', () => {
    const out = capture(true);
    const reporter = progressReporter(out.stream, null);
    reporter.update(progress(300, 3));
    reporter.finish('completed');
    expect(out.text()).toContain('300 companies');
    expect(out.text()).not.toContain('ETA');
  });
});
