import type { SuggestedFormat } from '@dalil/shared/api/suggestions.ts';

/** The message key naming a formatting suggestion ("suggestions.addBold": "Mettre en gras"). */
export function formatLabelKey(format: Pick<SuggestedFormat, 'mark' | 'action'>): `suggestions.${SuggestedFormat['action']}${Capitalize<SuggestedFormat['mark']>}` {
  const mark = `${format.mark[0]!.toUpperCase()}${format.mark.slice(1)}` as Capitalize<SuggestedFormat['mark']>;
  return `suggestions.${format.action}${mark}`;
}
