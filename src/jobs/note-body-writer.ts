import type { BriefTier } from '../brief/brief-input.ts';
import { qbrBrief } from '../brief/qbr-brief.ts';
import { renderNoteHtml } from '../brief/render-note-html.ts';
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
 * gathered is null: the note is left out of this run (and tried again on the next) rather than
 * stopping the run or putting an error on the customer's timeline.
 */
export function noteBodyWriter(options: {
  store: NoteStore;
  portal: string;
  settings: PlaySettings;
  model: CompiledModel;
  now: Date;
  warn?: (message: string) => void;
  ownerName?: (ownerId: string) => Promise<string | null>;
}): (company: ScoredCompany, note: NoteAction) => Promise<string | null> {
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
    ...(options.ownerName ? { ownerName: options.ownerName } : {}),
  };
  return async (company, note) => {
    if (company.facts === null) return null;
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
      options.warn?.(`Could not write "${note.title}" (${why}); the next run tries again.`);
      return null;
    }
  };
}
