import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionWorkflowView } from '@dalil/shared';
import { ChangeBlocks } from './ChangeBlocks.tsx';

interface ChangesViewProps {
  changes: NonNullable<SectionWorkflowView['changes']>;
  language: string;
  /** The heading (says since when) and what to say when nothing changed. */
  title: string;
  none: string;
  testId?: string;
}

/**
 * What changed since an earlier version (the last validated one, or the previous submission),
 * block by block. Text comes from users: it is rendered as React text nodes only (never as HTML);
 * additions and deletions are <ins>/<del>, which screen readers announce, with a visible legend.
 */
export function ChangesView({ changes, language, title, none, testId = 'changes-view' }: ChangesViewProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const changed = changes.blocks.filter((b) => b.kind !== 'same');
  return (
    <section className="changes" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="changes__title">
        {title}
      </h2>
      {changed.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <>
          <p className="changes__legend muted">{t('workflow.changesLegend')}</p>
          <ChangeBlocks blocks={changes.blocks} language={language} />
        </>
      )}
    </section>
  );
}
