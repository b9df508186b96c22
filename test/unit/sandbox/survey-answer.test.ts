import { describe, expect, it } from 'vitest';
import { surveyAnswer } from '../../../src/sandbox/survey-answer.ts';

const NOW = new Date('2026-11-20T09:00:00.000Z');

describe('surveyAnswer', () => {
  it('takes the survey properties only, and dates a rating given alone now', () => {
    expect(
      surveyAnswer({ hs_feedback_last_nps_rating: '3', hs_buying_role: 'BLOCKER' }, NOW),
    ).toEqual({
      hs_feedback_last_nps_rating: '3',
      hs_feedback_last_survey_date: NOW.toISOString(),
    });
  });

  it('keeps a survey date that is given, and adds none when the rating is cleared', () => {
    const dated = { hs_feedback_last_nps_rating: '9', hs_feedback_last_survey_date: '2026-11-01' };
    expect(surveyAnswer(dated, NOW)).toEqual(dated);
    expect(surveyAnswer({ hs_feedback_last_nps_rating: '' }, NOW)).toEqual({
      hs_feedback_last_nps_rating: '',
    });
    expect(surveyAnswer({ jobtitle: 'CFO' }, NOW)).toEqual({});
  });
});
