import type { BriefTier } from '../brief/brief-input.ts';
import { qbrBrief } from '../brief/qbr-brief.ts';
import { escapeHtml, renderNoteHtml } from '../brief/render-note-html.ts';
import { valueReport } from '../brief/value-report.ts';
import type { NoteAction, PlaySettings } from '../plays/play-types.ts';
import type { CompiledModel } from '../scoring/compile-model.ts';
import type { MrrReading, Store } from '../store/store.ts';
import { briefInputOf } from './brief-input-of.ts';
import type { ScoredCompany } from './score-chunk.ts';

export type NoteStore = Pick<
  Store,
  'scoreHistory' | 'ledgerForCompany' | 'openTracks' | 'mrrHistory'
>;

/** The model's tiers as the briefs name them, best first. */
export function briefTiers(model: CompiledModel): BriefTier[] {
  return model.model.tiers.map((t) => ({ key: t.key, label: t.label, min: t.min }));
}

/**
 * Writes the bodies of a run's notes: the brief from the account's facts and Vitals' records.
 * The portal's MRR history is read once, the first time a note needs it. A brief that cannot be
 * gathered still becomes a note, one that says so, rather than stopping the run.
 */
export function noteBodyWriter(options: {
  store: NoteStore;
  portal: string;
  settings: PlaySettings;
  model: CompiledModel;
  now: Date;
}): (company: ScoredCompany, note: NoteAction) => Promise<string> {
  let mrr: Promise<Map<string, MrrReading[]>> | null = null;
  const sources = {
    store: options.store,
    portal: options.portal,
    timeZone: options.settings.timeZone,
    tiers: briefTiers(options.model),
    mrrOf: async (companyId: string) => {
      mrr ??= options.store.mrrHistory(options.portal);
      return (await mrr).get(companyId) ?? [];
    },
  };
  return async (company, note) => {
    if (company.facts === null) return '';
    try {
      const input = await briefInputOf(
        { facts: company.facts, explanation: company.explanation },
        note.qbrDate,
        options.now,
        sources,
      );
      return renderNoteHtml(note.brief === 'qbr' ? qbrBrief(input) : valueReport(input));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return `<h3>${escapeHtml(note.title)}</h3><p>Vitals could not gather this brief (${escapeHtml(why)}). Run <code>vitals brief ${escapeHtml(note.companyId)}</code> for it.</p>`;
    }
  };
}
