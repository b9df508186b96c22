import { localDate } from '../plays/local-time.ts';
import type { BriefInput } from './brief-input.ts';
import { companyName } from './brief-title.ts';
import type { Brief, BriefSection } from './brief-types.ts';
import { daysAway, instantMs, outOfTen } from './brief-words.ts';
import { dimensionQuestion, FULL_MARKS, weakestDimension } from './dimension-questions.ts';
import { leverLine } from './lever-words.ts';
import { monthMetrics, readingAtEnd } from './month-metrics.ts';
import { outcomeEvidence } from './outcome-evidence.ts';
import { playLine, trackLines } from './play-words.ts';
import { forecastLabel } from './renewal-section.ts';
import { reportMonths, type ReportMonth } from './report-months.ts';
import { tidySection } from './tidy-section.ts';

/** Plays listed one by one: the report must fit one page. */
const LISTED = 6;
/** A renewal this close is part of what comes next. */
const RENEWAL_NEXT_DAYS = 90;

/**
 * The monthly value report for the month just ended (the portal's calendar): the figures against
 * the month before, what was done, the results, what comes next and one question for the customer.
 */
export function valueReport(input: BriefInput): Brief {
  const { month, before } = reportMonths(input.now, input.timeZone);
  const outcomes = outcomeEvidence(input);
  return {
    kind: 'value-report',
    title: `Value report: ${companyName(input.account)}, ${month.label}`,
    companyId: input.account.companyId,
    generatedAt: input.now.toISOString(),
    generatedOn: localDate(input.now, input.timeZone),
    sections: [
      monthMetrics(input, month, before),
      workSection(input, month),
      { key: 'roi', heading: 'Results and ROI', ...outcomes },
      nextSection(input),
      questionSection(input, month),
    ].map(tidySection),
  };
}

function workSection(input: BriefInput, month: ReportMonth): BriefSection {
  const start = month.start.getTime();
  const end = month.end.getTime();
  const plays = input.plays
    .filter((p) => instantMs(p.at) >= start && instantMs(p.at) < end)
    .sort((a, b) => instantMs(a.at) - instantMs(b.at));
  const lines = plays.slice(0, LISTED).map((p) => playLine(p, input.timeZone));
  if (plays.length > LISTED) lines.push(`… and ${plays.length - LISTED} more.`);
  if (plays.length === 0) lines.push(`Vitals started no plays in ${month.name}.`);
  return { key: 'work', heading: `What we did in ${month.name}`, lines };
}

function nextSection(input: BriefInput): BriefSection {
  const lines = trackLines(input);
  const { renewal } = input;
  if (renewal && renewal.daysToGo >= 0 && renewal.daysToGo <= RENEWAL_NEXT_DAYS)
    lines.push(
      `Renewal on ${renewal.date}, ${daysAway(renewal.daysToGo)} (forecast ${forecastLabel(renewal.forecast)}).`,
    );
  lines.push(...input.current.levers.map((l) => `Most to gain: ${leverLine(l)}`));
  if (lines.length === 0)
    lines.push(
      input.current.score === null
        ? 'Nothing open; once the account has a score, the signals with the most points to gain show here.'
        : 'Nothing open, and no single change would raise the score.',
    );
  return { key: 'next', heading: "What's next", lines };
}

/** Always exactly one question, built from the weakest area when there is one. */
function questionSection(input: BriefInput, month: ReportMonth): BriefSection {
  // The month's own figures, as the table shows them; today's only when the month has none.
  const atEnd = readingAtEnd(input.history, month);
  const fromMonth = atEnd ? weakestDimension(input.current, atEnd.dimensions) : null;
  const weakest = fromMonth ?? weakestDimension(input.current);
  const lowest = fromMonth
    ? `was the lowest of the areas we track at the end of ${month.name}`
    : 'is the lowest of the areas we track';
  const question =
    weakest === null
      ? 'Which results matter most to you this quarter, so that we can track them with you?'
      : weakest.score >= FULL_MARKS
        ? 'Every area we track is at full marks: what would you like to reach next, so that we can help you get there?'
        : `${weakest.label} ${lowest}, at ${outOfTen(weakest.score)}: ${dimensionQuestion(weakest.key).put}`;
  return { key: 'question', heading: 'A question for the customer', lines: [question] };
}
