import type { BriefSection } from './brief-types.ts';

/** A section without its empty parts, so the JSON of two equal briefs is the same text. */
export function tidySection(section: BriefSection): BriefSection {
  const { key, heading, lines, missing, table } = section;
  return {
    key,
    heading,
    lines,
    ...(missing && missing.length > 0 ? { missing } : {}),
    ...(table ? { table } : {}),
  };
}
