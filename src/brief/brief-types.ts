// What the brief writers hand to the renderers: a document of headed sections of plain
// sentences. The writers decide what to say; the renderers only decide how it looks, so the
// markdown, the HubSpot note and the JSON never say different things.

export type BriefKind = 'qbr' | 'value-report';

/** A small table of figures (the value report's month against month). */
export interface BriefTable {
  columns: string[];
  rows: string[][];
}

export interface BriefSection {
  /** Stable name, e.g. for tests or for picking one section out of the JSON. */
  key: string;
  heading: string;
  lines: string[];
  /** What the data does not say, each with what would fill it. */
  missing?: string[];
  table?: BriefTable;
}

export interface Brief {
  kind: BriefKind;
  title: string;
  companyId: string;
  /** The instant the brief was written (ISO). */
  generatedAt: string;
  /** The same moment as the portal's users would name the day (YYYY-MM-DD, their time zone). */
  generatedOn: string;
  sections: BriefSection[];
  /** The QBR brief's three suggested agenda items. */
  agenda?: string[];
}
