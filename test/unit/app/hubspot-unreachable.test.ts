import { describe, expect, it } from 'vitest';
import {
  HubSpotUnreachableError,
  isUnreachable,
  unreachableMessage,
} from '../../../src/app/hubspot-unreachable.ts';
import { classifyError } from '../../../src/hubspot/classify-error.ts';
import { HubSpotError } from '../../../src/hubspot/hubspot-error.ts';

const BASE = 'https://api.hubapi.com';
const ctx = { now: 0, timeZone: 'UTC', basePath: BASE, accessToken: 'pat-na1-test' };

/** What the gateway makes of fetch failing with this socket error code. */
function noAnswer(code: string): HubSpotError {
  return classifyError('oauth.tokenInfo', new TypeError('fetch failed', { cause: { code } }), ctx);
}

describe('HubSpot out of reach', () => {
  it.each([
    ['ENOTFOUND', 'its host name does not resolve'],
    ['ECONNREFUSED', 'the connection was refused'],
    ['UND_ERR_CONNECT_TIMEOUT', 'it did not answer in time'],
  ])('names %s in words, with where and what to check', (code, words) => {
    expect(isUnreachable(noAnswer(code))).toBe(true);
    expect(new HubSpotUnreachableError(BASE, noAnswer(code)).message).toBe(
      `HubSpot could not be reached at ${BASE} (${code}: ${words}): check the network/proxy; nothing was changed.`,
    );
  });

  it('passes on a code it has no words for', () => {
    expect(unreachableMessage(null, noAnswer('EPROTO'), 'try again.')).toBe(
      'HubSpot could not be reached (EPROTO): check the network/proxy; try again.',
    );
  });

  it('leaves an answer from HubSpot, however bad, to the other messages', () => {
    const refused = new HubSpotError('401', {
      endpoint: 'oauth.tokenInfo',
      status: 401,
      category: 'INVALID_AUTHENTICATION',
    });
    expect(isUnreachable(refused)).toBe(false);
    expect(isUnreachable(new Error('fetch failed'))).toBe(false);
  });
});
