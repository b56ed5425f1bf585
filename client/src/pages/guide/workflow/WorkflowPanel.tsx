import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView, SectionView, SectionWorkflowView } from '@dalil/shared';
import { transitionSection } from '../../../api/workflow.ts';
import { ApiRequestError } from '../../../api/http.ts';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage.ts';
import { formatDate } from '../../../i18n/formatDate.ts';
import { isolate } from '../../../i18n/isolate.ts';
import { refreshNotifications } from '../../../notifications/notificationStore.ts';
import { ChangesView } from './ChangesView.tsx';
import { SectionHistory } from './SectionHistory.tsx';
import { TransitionDialog } from './TransitionDialog.tsx';
import { TransitionRefused } from './transitionRefused.ts';
import './workflow.css';

type Transition = SectionWorkflowView['transitions'][number];

interface WorkflowPanelProps {
  guide: GuideView;
  section: SectionView;
  view: SectionWorkflowView | null;
  /** After a transition (ours or refused because the state moved on): reload guide and workflow. */
  onChanged: () => Promise<void>;
}

/** The section's place in the workflow: state, the actions the server offers us, banner, history, changes. */
export function WorkflowPanel({ guide, section, view, onChanged }: WorkflowPanelProps) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const [pending, setPending] = useState<Transition | null>(null);
  const status = view?.status ?? section.status;

  async function confirm(transition: Transition, note: string): Promise<void> {
    try {
      await transitionSection(guide.id, section.id, transition.to, note || undefined);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'transition_not_allowed') {
        await onChanged(); // someone else moved it first: show where it stands now
        throw new Error(t('workflow.notAllowedError'));
      }
      if (err instanceof ApiRequestError && err.code === 'open_threads') throw new TransitionRefused(t('workflow.openThreadsError'), err.threads);
      if (err instanceof ApiRequestError && err.code === 'note_required') throw new Error(t('workflow.noteRequiredError'));
      throw new Error(apiErrorMessage(err, t));
    }
    setPending(null);
    announce(t(`workflow.done.${transition.name}`));
    void refreshNotifications();
    await onChanged();
  }

  return (
    <section className="workflow" aria-label={t('workflow.panelLabel')} data-testid="workflow-panel">
      {view?.validated && status === 'validated' && (
        <p className="workflow__banner" role="status" data-testid="validated-banner">
          <svg className="workflow__lock" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z" fill="currentColor" />
          </svg>
          {t('workflow.validatedBanner', { name: isolate(view.validated.byName), date: formatDate(view.validated.at, i18n.language) })}
        </p>
      )}
      <div className="workflow__bar">
        <span className="workflow__state">
          <span className="visually-hidden">{t('workflow.state')}</span>
          <span className={`badge badge--${status} badge--large`} data-testid="workflow-status">{t(`toc.status.${status}`)}</span>
        </span>
        {view && view.openThreads > 0 && <span className="workflow__threads">{t('workflow.openThreads', { count: view.openThreads })}</span>}
        <span className="workflow__actions">
          {view?.transitions.map((transition) => (
            <button
              key={transition.name}
              type="button"
              className={`button button--small${transition.name === 'approve' || transition.name === 'submit' ? ' button--primary' : ''}`}
              onClick={() => setPending(transition)}
            >
              {t(`workflow.${transition.name}`)}
            </button>
          ))}
        </span>
      </div>
      {view?.changes && <ChangesView changes={view.changes} language={guide.language} />}
      {view && view.history.length > 0 && <SectionHistory history={view.history} />}
      {pending && (
        <TransitionDialog transition={pending} guideId={guide.id} sectionTitle={section.title} onConfirm={(note) => confirm(pending, note)} onClose={() => setPending(null)} />
      )}
    </section>
  );
}
