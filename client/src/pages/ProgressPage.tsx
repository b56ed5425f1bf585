import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideProgressView, GuideView } from '@dalil/shared';
import { useAnnouncement } from '../collaboration/useAnnouncement.ts';
import { useGuideRoom } from '../collaboration/useGuideRoom.ts';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { loadSession } from '../identity/currentUser.ts';
import type { AccessSignal } from '../collaboration/accessSignals.ts';
import { isolate } from '../i18n/isolate.ts';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { GuideSubpage } from './guide/GuideSubpage.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import { useStructureSync } from './guide/useStructureSync.ts';
import { AssigneeTable } from './progress/AssigneeTable.tsx';
import { SectionProgressTable } from './progress/SectionProgressTable.tsx';
import { StatusChart } from './progress/StatusChart.tsx';
import { ThreadsSetting } from './progress/ThreadsSetting.tsx';
import { NumberingSetting } from '../content/NumberingSetting.tsx';
import { useProgress } from './progress/useProgress.ts';
import './progress/progress.css';

/** `/guides/:guideId/progress`: where the guide stands, at a glance. */
export default function ProgressPage({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const { state, refresh } = useGuideView(guideId);
  if (state.kind !== 'ready') return <GuideNotReady state={state} loadingLabel={t('dashboard.loading')} />;
  return <Progress guide={state.guide} refreshGuide={refresh} />;
}

function Progress({ guide, refreshGuide }: { guide: GuideView; refreshGuide: () => Promise<void> }) {
  const { t } = useTranslation();
  const { state, reload } = useProgress(guide.id);
  // Live: the guide room announces transitions and structure changes, comment threads, and
  // settled contents (word counts, last edits), each a reason to look again.
  // Listen only: someone reading the progress is not "in the guide" for the people writing it.
  const onAccessSignal = useCallback(
    (signal: AccessSignal) => void (signal === 'sessionEnded' ? loadSession() : refreshGuide()),
    [refreshGuide],
  );
  const room = useGuideRoom(guide.roomName, null, onAccessSignal);
  // A newer structure (a transition, a new section) reloads the guide first, then the progress.
  useStructureSync(room.structureVersion, guide.structureVersion, refreshGuide);
  useAnnouncement([guide.structureVersion, room.threadsVersion, room.contentVersion, room.suggestionsVersion], () => void reload());
  useEffect(() => {
    document.title = [t('dashboard.link'), guide.title, t('app.name')].join(' — ');
  }, [guide.title, t]);

  return (
    <GuideSubpage guide={guide} className="progress-page" title={t('dashboard.title', { title: isolate(guide.title) })}>
        {state.kind === 'loading' && <p className="muted" role="status">{t('dashboard.loading')}</p>}
        {state.kind === 'error' && (
          <p className="form-error" role="alert">
            {apiErrorMessage(state.error, t)}
          </p>
        )}
        {state.kind === 'ready' && <ProgressBody progress={state.progress} guide={guide} />}
        {guide.permissions.includes('guide.update') && <ThreadsSetting guide={guide} onChanged={refreshGuide} />}
        {guide.permissions.includes('guide.update') && <NumberingSetting guide={guide} onChanged={refreshGuide} />}
    </GuideSubpage>
  );
}

function ProgressBody({ progress, guide }: { progress: GuideProgressView; guide: GuideView }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={`layout-status${progress.readyForLayout ? ' layout-status--ready' : ''}`} role="status" data-testid="layout-status">
        {progress.readyForLayout ? t('dashboard.ready') : t('dashboard.notReady', { validated: progress.byStatus.validated, total: progress.total })}
      </p>
      <div className="progress-grid">
        <section className="progress-card">
          <StatusChart progress={progress} />
        </section>
        <section className="progress-card">
          <dl className="progress-figures">
            <div>
              <dt>{t('dashboard.total')}</dt>
              <dd data-testid="figure-total">{progress.total}</dd>
            </div>
            <div>
              <dt>{t('dashboard.words')}</dt>
              <dd>{progress.words}</dd>
            </div>
            <div>
              <dt>{t('dashboard.openThreads')}</dt>
              <dd>{progress.openThreads}</dd>
            </div>
            <div>
              <dt>{t('suggestions.title')}</dt>
              <dd data-testid="figure-suggestions">{progress.openSuggestions}</dd>
            </div>
            <div className={progress.overdue > 0 ? 'progress-figures--alert' : undefined}>
              <dt>{t('dashboard.overdue')}</dt>
              <dd data-testid="figure-overdue">{progress.overdue}</dd>
            </div>
          </dl>
        </section>
      </div>
      <section className="progress-card" aria-labelledby="assignees-title">
        <h2 id="assignees-title">{t('dashboard.assigneesTitle')}</h2>
        <AssigneeTable progress={progress} />
      </section>
      <section className="progress-card" aria-labelledby="sections-title">
        <h2 id="sections-title">{t('dashboard.sectionsTitle')}</h2>
        <SectionProgressTable progress={progress} language={guide.language} />
      </section>
    </>
  );
}
