import { describe, expect, it } from 'vitest';
import {
  DEFAULT_APP_ORIGIN,
  portfolioAnswerSchema,
} from '../../../extensions/app/pages/home-page-contract.ts';
import { aView } from './render-home-page.tsx';

const answer = (extra: object = {}) => ({
  status: 'ready',
  computedAt: '2025-06-02T12:00:05.000Z',
  view: aView(),
  ...extra,
});

describe('the portfolio answer’s appOrigin', () => {
  it('is read as app.hubspot.com from a service that predates it', () => {
    expect(portfolioAnswerSchema.parse(answer()).appOrigin).toBe(DEFAULT_APP_ORIGIN);
    expect(DEFAULT_APP_ORIGIN).toBe('https://app.hubspot.com');
  });

  it.each(['https://app.hubspot.com', 'https://app-eu1.hubspot.com'])('takes %s', (appOrigin) => {
    expect(portfolioAnswerSchema.parse(answer({ appOrigin })).appOrigin).toBe(appOrigin);
  });

  it.each([
    'http://app.hubspot.com',
    'https://app.hubspot.com/',
    'https://evilhubspot.com',
    'https://app.hubspot.com.evil.example',
    'javascript:alert(1)//hubspot.com',
  ])('refuses %s: links are built on it', (appOrigin) => {
    expect(portfolioAnswerSchema.safeParse(answer({ appOrigin })).success).toBe(false);
  });
});
