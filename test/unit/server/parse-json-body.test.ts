import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../../src/server/api-error.ts';
import { parseJsonBody } from '../../../src/server/parse-json-body.ts';

const schema = z.object({ reason: z.string() });
const parse = (text: string) => () => parseJsonBody(Buffer.from(text), schema, '{"reason": "…"}');

describe('a card request body', () => {
  it('nested deeper than any card request is a 400 before it is parsed, not a crash', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(parse(deep)).toThrow(ApiError);
    expect(parse(deep)).toThrow(/nests deeper than 32 levels/);
    try {
      parse(deep)();
    } catch (error) {
      expect((error as ApiError).status).toBe(400);
    }
  });

  it('of ordinary depth is parsed as before', () => {
    expect(parse('{"reason": "they moved to a competitor"}')()).toEqual({
      reason: 'they moved to a competitor',
    });
  });
});
