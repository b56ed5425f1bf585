/** The kinds of callout box a guide uses; the label and icon come from the kind and the interface language. */
export const CALLOUT_KINDS = ['goodPractice', 'caseStudy', 'vigilance', 'reflex', 'testimony'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export function isCalloutKind(value: unknown): value is CalloutKind {
  return typeof value === 'string' && (CALLOUT_KINDS as readonly string[]).includes(value);
}

/** Icons are part of the design, not of the text: one per kind, the same in every language. */
export const CALLOUT_ICONS: Record<CalloutKind, string> = {
  goodPractice: '✔',
  caseStudy: '◆',
  vigilance: '⚠',
  reflex: '➜',
  testimony: '❝',
};
