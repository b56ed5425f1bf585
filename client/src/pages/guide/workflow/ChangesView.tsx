import { useTranslation } from 'react-i18next';
import type { SectionWorkflowView } from '@dalil/shared';
import { formatDate } from '../../../i18n/formatDate.ts';
import { ChangeBlocks } from './ChangeBlocks.tsx';

interface ChangesViewProps {
  changes: NonNullable<SectionWorkflowView['changes']>;
  language: string;
}

/** What changed since the last validated version, block by block, with a visible legend. */
export function ChangesView({ changes, language }: ChangesViewProps) {
  const { t, i18n } = useTranslation();
  const changed = changes.blocks.filter((b) => b.kind !== 'same');
  return (
    <section className="changes" aria-labelledby="changes-title" data-testid="changes-view">
      <h2 id="changes-title" className="changes__title">
        {t('workflow.changesTitle', { date: formatDate(changes.since, i18n.language) })}
      </h2>
      {changed.length === 0 ? (
        <p className="muted">{t('workflow.changesNone')}</p>
      ) : (
        <>
          <p className="changes__legend muted">{t('workflow.changesLegend')}</p>
          <ChangeBlocks blocks={changes.blocks} language={language} />
        </>
      )}
    </section>
  );
}
