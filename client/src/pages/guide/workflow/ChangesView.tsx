import { useTranslation } from 'react-i18next';
import type { SectionWorkflowView } from '@dalil/shared';
import { formatDate } from '../../../i18n/formatDate.ts';

interface ChangesViewProps {
  changes: NonNullable<SectionWorkflowView['changes']>;
  language: string;
}

/**
 * What changed since the last validated version, block by block. Text comes from users: it is
 * rendered as React text nodes only (never as HTML); additions and deletions are <ins>/<del>, which
 * screen readers announce, with a visible legend.
 */
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
          <div className="changes__blocks" lang={language}>
            {changes.blocks.map((block, i) => (
              <p key={i} className={`changes__block changes__block--${block.kind}`} dir="auto">
                {block.parts.map((part, k) =>
                  part.change === 'added' ? (
                    <ins key={k} className="changes__added" title={t('workflow.added')}>
                      {part.text}
                    </ins>
                  ) : part.change === 'removed' ? (
                    <del key={k} className="changes__removed" title={t('workflow.removed')}>
                      {part.text}
                    </del>
                  ) : (
                    <span key={k}>{part.text}</span>
                  ),
                )}
              </p>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
