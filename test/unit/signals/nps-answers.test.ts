import { describe, expect, it } from 'vitest';
import { npsAnswers } from '../../../src/signals/nps-answers.ts';

const contact = (id: string, rating?: string, date?: string) => ({
  id,
  properties: {
    ...(rating === undefined ? {} : { hs_feedback_last_nps_rating: rating }),
    ...(date === undefined ? {} : { hs_feedback_last_survey_date: date }),
  },
});

describe('npsAnswers', () => {
  it('reads each contact’s rating with its survey date, in any of HubSpot’s date forms', () => {
    expect(
      npsAnswers([
        contact('1', '9', '2025-03-01T10:00:00Z'),
        contact('2', '0', '1740787200000'),
        contact('3', '10', '2025-03-02'),
      ]),
    ).toEqual([
      { contactId: '1', score: 9, at: '2025-03-01T10:00:00.000Z' },
      { contactId: '2', score: 0, at: '2025-03-01T00:00:00.000Z' },
      { contactId: '3', score: 10, at: '2025-03-02T00:00:00.000Z' },
    ]);
  });

  it('leaves out an answer it cannot place or that is no NPS rating', () => {
    expect(
      npsAnswers([
        contact('1', '9'),
        contact('2', '', '2025-03-01'),
        contact('3', '11', '2025-03-01'),
        contact('4', '7.5', '2025-03-01'),
        contact('5', '-1', '2025-03-01'),
        contact('6', '8', 'last week'),
        contact('7'),
      ]),
    ).toEqual([]);
  });
});
