import { errorSchema } from '../card-contract.ts';
import type { ServiceAnswer } from './call-service.ts';

/** What to tell the CSM when a button's request failed; null when it worked. */
export function actionError(answer: ServiceAnswer): string | null {
  if (!answer.reached || answer.status >= 500) {
    return "Vitals can't be reached right now. Try again in a minute.";
  }
  if (answer.status >= 200 && answer.status < 300) return null;
  if (answer.status === 401 || answer.status === 403) {
    return "You don't have permission to do this in Vitals.";
  }
  const error = errorSchema.safeParse(answer.body);
  return error.success ? error.data.message : "That didn't work. Reload the card and try again.";
}
