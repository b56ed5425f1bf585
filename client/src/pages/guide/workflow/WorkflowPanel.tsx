import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockingThread, GuideView, SectionView, SectionWorkflowView, ThreadView } from '@dalil/shared';
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
  /** The section's threads as they are live (null while loading): what blocks an approval now. */
  threads: ThreadView[] | null;
  /** After a transition (ours or refused because the state moved on): reload guide and workflow. */
  onChanged: () => Promise<void>;
}

/** The section's place in the workflow: state, the actions the server offers us, banner, history, changes. */
export function WorkflowPanel({ guide, section, view, threads, onChanged }: WorkflowPanelProps) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const [pending, setPending] = useState<Transition | null>(null);
  const status = view?.status ?? section.status;
  // from the live thread list, not the workflow view (which reloads only on status changes)
  const blockingThreads: BlockingThread[] = !guide.requireResolvedThreads
    ? []
    : threads
      ? threads.filter((th) => th.status === 'open').map((th) => ({ id: th.id, sectionId: th.sectionId, quote: th.quote }))
      : (view?.blockingThreads ?? []);

  async function confirm(transition: Transition, note: string): Promise<void> {
    try {
      await transitionSection(guide.id, section.id, transition.name, transition.to, note || undefined);
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
      {status === 'review' && (
        <p className="workflow__banner workflow__banner--review" role="status" data-testid="review-banner">
          {t('reviewRound.reviewBanner')}
        </p>
      )}
      {view?.sentBack && status === 'draft' && (
        <div className="workflow__banner workflow__banner--sent-back" role="status" data-testid="sent-back-banner">
          <p>
            {t(view.sentBack.note ? 'reviewRound.sentBackBanner' : 'reviewRound.sentBackNoNote', {
              name: isolate(view.sentBack.byName),
              date: formatDate(view.sentBack.at, i18n.language),
            })}
          </p>
          {view.sentBack.note && (
            <blockquote className="workflow__note" dir="auto">
              {view.sentBack.note}
            </blockquote>
          )}
        </div>
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
              data-transition={transition.name}
              onClick={() => setPending(transition)}
            >
              {t(`workflow.${transition.name}`)}
            </button>
          ))}
        </span>
      </div>
      {view?.changesSinceSubmission && (
        <ChangesView
          changes={view.changesSinceSubmission}
          language={guide.language}
          title={t('reviewRound.changesSinceSubmission', { date: formatDate(view.changesSinceSubmission.since, i18n.language) })}
          none={t('reviewRound.changesSinceSubmissionNone')}
          testId="changes-since-submission"
        />
      )}
      {view?.changes && (
        <ChangesView
          changes={view.changes}
          language={guide.language}
          title={t('workflow.changesTitle', { date: formatDate(view.changes.since, i18n.language) })}
          none={t('workflow.changesNone')}
        />
      )}
      {view && view.history.length > 0 && <SectionHistory history={view.history} />}
      {pending && (
        <TransitionDialog
          transition={pending}
          guideId={guide.id}
          sectionTitle={section.title}
          blockingThreads={pending.name === 'approve' ? blockingThreads : []}
          onConfirm={(note) => confirm(pending, note)}
          onClose={() => setPending(null)}
        />
      )}
    </section>
  );
}
