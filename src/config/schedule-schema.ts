import { validate, validateDetailed } from 'node-cron';
import { z } from 'zod';
import { closestMatch } from '../validation/closest-match.ts';
import { strictSection } from './strict-section.ts';

export const DEFAULT_CRON = '0 */6 * * *';

const FIELDS: Record<string, string> = {
  second: 'second (0-59)',
  minute: 'minute (0-59)',
  hour: 'hour (0-23)',
  dayOfMonth: 'day of the month (1-31)',
  month: 'month (1-12 or jan-dec)',
  dayOfWeek: 'day of the week (0-7 or sun-sat)',
};

const cron = z.string().superRefine((expression, ctx) => {
  if (validate(expression)) return;
  const reasons = validateDetailed(expression).errors.map((e) =>
    e.field === 'expression'
      ? e.message
      : `"${e.value}" is not a valid ${FIELDS[e.field] ?? e.field}`,
  );
  ctx.addIssue({
    code: 'custom',
    message:
      `Got ${JSON.stringify(expression)}: ${reasons.join('; ') || 'not a cron expression'}. ` +
      `Use five fields, minute hour day-of-month month day-of-week, e.g. "${DEFAULT_CRON}" (every 6 hours).`,
  });
});

/** An IANA time zone name; a misspelt one gets a did-you-mean. */
export const timezone = z.string().superRefine((zone, ctx) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    const guess = closestMatch(zone, Intl.supportedValuesOf('timeZone'));
    const hint = guess ? ` Did you mean "${guess}"?` : '';
    ctx.addIssue({
      code: 'custom',
      message: `Got ${JSON.stringify(zone)}; use an IANA time zone such as "Europe/Berlin" or "UTC".${hint}`,
    });
  }
});

/** When the full rescore runs (node-cron syntax), in `timezone` (default: the server's). */
export const scheduleSchema = strictSection(
  { cron: cron.default(DEFAULT_CRON), timezone: timezone.optional() },
  'schedule',
);
