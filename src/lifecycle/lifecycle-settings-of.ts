import type { LifecycleSettings, PlaySettings } from '../plays/play-types.ts';
import { DEFAULT_LIFECYCLE } from './lifecycle-defaults.ts';

export function lifecycleSettings(settings: PlaySettings): LifecycleSettings {
  return settings.lifecycle ?? DEFAULT_LIFECYCLE;
}
