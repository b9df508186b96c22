import { describe, expect, it } from 'vitest';
import { START, crmObject, interceptHubSpot, testGateway } from './test-gateway.ts';

interceptHubSpot();

const SEARCH = '/crm/v3/objects/notes/search';
const marker = (n: number) => `vitalsnote${String(n).padStart(8, '0')}`;
const markers = (count: number) => Array.from({ length: count }, (_, i) => marker(i));

interface SearchBody {
  filterGroups: { filters: { propertyName: string; operator: string; value: string }[] }[];
  properties: string[];
  limit: number;
  after?: string;
}

function note(id: string, body: string, created = '2026-11-20T10:00:00.000Z') {
  return crmObject(id, { hs_note_body: body, hs_createdate: created, hs_object_id: id });
}

describe('findNotesByMarker', () => {
  it('searches notes with one CONTAINS_TOKEN filterGroup on hs_note_body per marker, 5 a call', async () => {
    const { gateway, hubspot } = testGateway();
    const bodies: SearchBody[] = [];
    hubspot
      .post(SEARCH)
      .times(2)
      .reply(async (request: Request) => {
        const body = (await request.json()) as SearchBody;
        bodies.push(body);
        const results = body.filterGroups.map((group) => {
          const value = group.filters[0]!.value;
          return note(`87${value.slice(-3)}`, `<p>Brief</p><p>Ref: ${value} #VitalsNote qbr</p>`);
        });
        return [200, { total: results.length, results }];
      });

    const found = await gateway.findNotesByMarker(markers(7));

    expect(bodies[0]).toEqual({
      filterGroups: markers(5).map((value) => ({
        filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value }],
      })),
      properties: ['hs_note_body', 'hs_createdate'],
      limit: 200,
    });
    expect(bodies[1]!.filterGroups).toHaveLength(2);
    expect(found.size).toBe(7);
    expect(found.get(marker(6))).toBe('87006');
    expect(gateway.apiCalls()).toEqual({ 'notes.search': 2 });
  });

  it('keeps whole-token matches only, the oldest note of several', async () => {
    const { gateway, hubspot } = testGateway();
    const [a, b] = markers(2) as [string, string];
    hubspot.post(SEARCH).reply(200, {
      total: 3,
      results: [
        note('2', `Ref: ${a}`, '2026-11-21T09:00:00.000Z'),
        note('3', `Ref: ${a}`, '2026-11-20T09:00:00.000Z'),
        note('4', `Ref: ${b}extra`),
      ],
    });

    expect(await gateway.findNotesByMarker([a, b])).toEqual(new Map([[a, '3']]));
  });

  it('refuses a marker the tokenizer would split, naming notes, before any call', async () => {
    const { gateway } = testGateway();
    await expect(gateway.findNotesByMarker(['vitals-note-1'])).rejects.toThrow(
      /Note marker "vitals-note-1" is not 8 to 100 letters and digits/,
    );
    expect(gateway.apiCalls()).toEqual({});
  });

  it('draws on the search budget: 4 searches a second', async () => {
    const { gateway, hubspot, time } = testGateway();
    const startedAt: number[] = [];
    hubspot
      .post(SEARCH)
      .times(6)
      .reply(() => {
        startedAt.push(time.now);
        return [200, { total: 0, results: [] }];
      });

    expect(await gateway.findNotesByMarker(markers(30))).toEqual(new Map());

    expect(startedAt[3]! - START).toBeLessThan(1000);
    expect(startedAt[4]! - START).toBeGreaterThanOrEqual(1000);
  });
});
