import { messages, type Messages } from '@dalil/shared/i18n';
import type { ExportDocument } from './exportDocument.ts';

export type ExportLabels = Messages['export'];

/** The words the exported document itself carries, in the guide's language (not the reader's UI). */
export function exportLabels(doc: Pick<ExportDocument, 'language'>): ExportLabels {
  return messages[doc.language].export;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

const LOCALES = { fr: 'fr-FR', ar: 'ar-TN', en: 'en-GB' } as const;

/** "30 novembre 2026": the day a document stands for, written for its readers (UTC, no clock). */
export function longDate(doc: Pick<ExportDocument, 'language' | 'date'>): string {
  const date = new Date(`${doc.date}T12:00:00Z`);
  return new Intl.DateTimeFormat(LOCALES[doc.language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The line every page header carries: the provisional mark, or the version and its date. */
export function statusLine(doc: ExportDocument): string {
  const labels = exportLabels(doc);
  const date = longDate(doc);
  if (doc.provisional) return fill(labels.provisionalMark, { date });
  return doc.versionLabel ? fill(labels.versionMark, { label: doc.versionLabel, date }) : date;
}

export function isRtlDocument(doc: Pick<ExportDocument, 'language'>): boolean {
  return doc.language === 'ar';
}
