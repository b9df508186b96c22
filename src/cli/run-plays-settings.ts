import type { App } from '../app/open-app.ts';
import type { RescorePlays } from '../jobs/run-rescore.ts';

/** The plays a run (or `plays explain`) works with, from the app's config. */
export function runPlaysSettings(app: App): RescorePlays {
  return {
    settings: app.config.plays,
    mapping: app.config.playsMapping,
    leftProperty: leftProperty(app),
  };
}

/** The contact property the champion mapping reads to tell who left, if it has one. */
function leftProperty(app: App): string | null {
  for (const source of Object.values(app.config.signals)) {
    if (source.from === 'champion' && source.leftProperty) return source.leftProperty;
  }
  return null;
}
