import type { FilePlan } from './project-file-error.ts';
import type { ProjectFiles } from './project-files.ts';
import type { ProjectState } from './read-project.ts';
import { activeSubscriptionKeys, type WebhookSubscriptions } from './webhook-subscriptions.ts';
import { webhooksComponent } from './webhooks-component.ts';

/** webhooks-hsmeta.json rewritten for `publicUrl` and the subscriptions, with what changed. */
export function webhooksFile(
  files: ProjectFiles,
  state: ProjectState,
  publicUrl: string,
  subscriptions: WebhookSubscriptions,
): FilePlan {
  const component = webhooksComponent(subscriptions, publicUrl, state.webhooks);
  const after = `${JSON.stringify(component, null, 2)}\n`;
  const { targetUrl } = component.config.settings;
  const now = activeSubscriptionKeys(component.config.subscriptions);
  const plan = { file: files.webhooks, before: state.text.webhooks, after };
  if (state.webhooks === null) {
    const why = state.webhooksProblem ? `replaced (${state.webhooksProblem})` : 'created';
    return { ...plan, changes: [`${why}: ${now.length} subscriptions, sent to ${targetUrl}`] };
  }
  const changes: string[] = [];
  const was = state.webhooks.config.settings.targetUrl;
  if (was !== targetUrl) changes.push(`settings.targetUrl: ${was} → ${targetUrl}`);
  const before = activeSubscriptionKeys(state.webhooks.config.subscriptions);
  const added = now.filter((key) => !before.includes(key));
  const paused = before.filter((key) => !now.includes(key));
  if (added.length > 0) changes.push(`subscribed: ${added.join(', ')}`);
  if (paused.length > 0)
    changes.push(`paused (active: false), no longer read: ${paused.join(', ')}`);
  if (changes.length === 0) changes.push('reformatted');
  return { ...plan, changes };
}
