import type { Brief, BriefSection } from './brief-types.ts';

/**
 * A brief as JSON with its keys always in the same order and empty parts left out, so two
 * equal briefs are the same text (a diff or a stored copy shows only real changes).
 */
export function renderJson(brief: Brief): string {
  const ordered = {
    kind: brief.kind,
    title: brief.title,
    companyId: brief.companyId,
    generatedAt: brief.generatedAt,
    generatedOn: brief.generatedOn,
    sections: brief.sections.map(section),
    ...(brief.agenda ? { agenda: [...brief.agenda] } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function section(s: BriefSection) {
  return {
    key: s.key,
    heading: s.heading,
    lines: [...s.lines],
    ...(s.missing && s.missing.length > 0 ? { missing: [...s.missing] } : {}),
    ...(s.table
      ? { table: { columns: [...s.table.columns], rows: s.table.rows.map((r) => [...r]) } }
      : {}),
  };
}
