import path from 'node:path';
import { ProjectFileError, type FilePlan } from './project-file-error.ts';

/** Where `hs project dev` sends the cards' calls unless the admin's local.json says otherwise. */
const LOCAL_SERVICE = 'http://localhost:3000';

/**
 * local.json(.example) with the proxy of any replaced URL moved to `publicUrl`, keeping the
 * local address it pointed at; every other entry and key stays.
 */
export function proxyFile(
  file: string,
  before: string | null,
  old: Set<string>,
  publicUrl: string,
): FilePlan {
  const json = parseObject(file, before);
  const proxy = json['proxy'] !== null && typeof json['proxy'] === 'object' ? json['proxy'] : {};
  const next: Record<string, unknown> = {};
  const moved: string[] = [];
  for (const [url, local] of Object.entries(proxy as Record<string, unknown>)) {
    const key = old.has(url) ? publicUrl : url;
    if (key !== url) moved.push(url);
    if (!(key in next)) next[key] = local;
  }
  next[publicUrl] ??= LOCAL_SERVICE;
  const after = `${JSON.stringify({ ...json, proxy: next }, null, 2)}\n`;
  const was = moved.length > 0 ? moved.join(', ') : '(none)';
  return {
    file,
    before,
    after,
    changes: [`proxy: ${was} → ${publicUrl} (to ${String(next[publicUrl])})`],
  };
}

function parseObject(file: string, text: string | null): Record<string, unknown> {
  if (text === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json))
    return json as Record<string, unknown>;
  throw new ProjectFileError(
    `${path.basename(file)} is not a JSON object: fix it (see local.json.example), then run this again.`,
  );
}
