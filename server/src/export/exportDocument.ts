import type { GuideLanguage, SectionStatus } from '@dalil/shared';
import type { LayoutNode } from '@dalil/shared/editor';

/** One section as it goes to layout: its place in the guide and its approved-or-current text. */
export interface ExportSection {
  id: string;
  title: string;
  /** 0 for a chapter; exported as Heading 1 + depth (capped at Heading 4). */
  depth: number;
  /** The guide's numbering, e.g. "2.1". */
  number: string;
  status: SectionStatus;
  content: LayoutNode;
}

/** An image a figure points to, read from the guide's image store. */
export interface ExportImage {
  bytes: Uint8Array;
  mediaType: string;
  width: number;
  height: number;
}

/**
 * Everything a format writer needs, gathered once: writers are pure functions of this (no clock,
 * no store), so a final version's export is the same bytes every time.
 */
export interface ExportDocument {
  guideId: string;
  title: string;
  language: GuideLanguage;
  /** The day the content stands for (today, or the version's date), YYYY-MM-DD. */
  date: string;
  /** A version's label ("v2"), or null for today's state. */
  versionLabel: string | null;
  /** Provisional exports carry "Version provisoire — <date>" on every page and an annex. */
  provisional: boolean;
  sections: ExportSection[];
  /** Sections still to be validated (listed in the provisional annex). */
  unvalidated: Array<{ number: string; title: string }>;
  /** Images referenced by figures, by image id (missing ones are exported as their alt text). */
  images: Map<string, ExportImage>;
}
