import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView, ThreadStatus, ThreadView } from '@dalil/shared';
import { listThreads } from '../api/threads.ts';
import { MessageItem } from '../comments/MessageItem.tsx';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { formatDate } from '../i18n/formatDate.ts';
import { isolate } from '../i18n/isolate.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { useLatestResponse } from '../hooks/useLatestResponse.ts';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { GuideSubpage } from './guide/GuideSubpage.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import '../comments/comments.css';
import './threads/threadsPage.css';

/** `/guides/:guideId/comments`: every thread of the guide on one page, section by section. */
export default function GuideThreadsPage({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const { state } = useGuideView(guideId);
  if (state.kind !== 'ready') return <GuideNotReady state={state} loadingLabel={t('comments.loading')} />;
  return <GuideThreads guide={state.guide} />;
}

type Loaded = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; threads: ThreadView[] };

function GuideThreads({ guide }: { guide: GuideView }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<ThreadStatus | 'all'>('open');
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  const latest = useLatestResponse();
  useEffect(() => {
    void latest(() => listThreads(guide.id)).then((outcome) => {
      if (outcome) setLoaded(outcome.ok ? { kind: 'ready', threads: outcome.value } : { kind: 'error', error: outcome.error });
    });
  }, [guide.id, latest]);

  useEffect(() => {
    document.title = [t('threadsPage.title'), guide.title, t('app.name')].join(' — ');
  }, [guide.title, t]);

  // in table-of-contents order, so the review follows the guide
  const bySection = useMemo(() => {
    if (loaded.kind !== 'ready') return [];
    return guide.sections
      .map((section) => ({ section, threads: loaded.threads.filter((th) => th.sectionId === section.id && (status === 'all' || th.status === status)) }))
      .filter((group) => group.threads.length > 0);
  }, [guide.sections, loaded, status]);

  return (
    <GuideSubpage guide={guide} className="threads-page" title={t('threadsPage.heading', { title: isolate(guide.title) })} intro={t('threadsPage.intro')}>
        <div className="comments__filters" role="group" aria-label={t('comments.filterLabel')}>
          {(['open', 'resolved', 'all'] as const).map((s) => (
            <button key={s} type="button" className="comments__filter" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {t(`threadsPage.status.${s}`)}
            </button>
          ))}
        </div>
        {loaded.kind === 'loading' && <p className="muted" role="status">{t('comments.loading')}</p>}
        {loaded.kind === 'error' && <p className="form-error" role="alert">{apiErrorMessage(loaded.error, t)}</p>}
        {loaded.kind === 'ready' && bySection.length === 0 && <p className="muted">{t('threadsPage.none')}</p>}
        {bySection.map(({ section, threads }) => (
          <section key={section.id} className="threads-page__section" aria-labelledby={`threads-${section.id}`}>
            <h2 id={`threads-${section.id}`} dir="auto" lang={guide.language}>
              <Link to={paths.section(guide.id, section.id)}>{section.title}</Link>
            </h2>
            <ul className="threads-page__list">
              {threads.map((thread) => (
                <li key={thread.id} className={`thread${thread.status === 'resolved' ? ' thread--resolved' : ''}${thread.detached ? ' thread--detached' : ''}`}>
                  <p className="thread__quote thread__quote--static" dir="auto">
                    {thread.detached && <span className="thread__badge">{t('comments.detached')}</span>}
                    <q>{thread.quote}</q>
                  </p>
                  <ol className="thread__messages">
                    {thread.messages.map((m) => (
                      <MessageItem key={m.id} message={m} canEdit={false} canDelete={false} people={[]} />
                    ))}
                  </ol>
                  {thread.resolvedBy && thread.resolvedAt && (
                    <p className="thread__resolution">{t('comments.resolvedBy', { name: thread.resolvedBy.name, date: formatDate(thread.resolvedAt, i18n.language) })}</p>
                  )}
                  <Link className="threads-page__open" to={paths.thread(guide.id, section.id, thread.id)}>
                    {t('threadsPage.openInText')}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </GuideSubpage>
  );
}
