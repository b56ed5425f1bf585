import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tocDepths, tocOrder, type GuideView, type SectionStatus } from '@dalil/shared';
import { CURRENT_VERSION } from '@dalil/shared/api/versionRules.ts';
import type { VersionView } from '@dalil/shared/api/versions.ts';
import { numberContent, sectionNumbers, type LayoutNode, type SectionContentNumbers } from '@dalil/shared/editor';
import { getVersion } from '../api/versions.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { formatDate } from '../i18n/formatDate.ts';
import { Link } from '../routing/Link.tsx';
import { useLocationSearch } from '../routing/history.ts';
import { paths } from '@dalil/shared/routes';
import { useLatestResponse } from '../hooks/useLatestResponse.ts';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import { isMostlyArabic, layoutText } from './reading/renderLayout.ts';
import { SectionBody } from './reading/SectionBody.tsx';
import { useSectionContents } from './reading/useSectionContents.ts';
import '../content/content.css';
import './reading/reading.css';

/** One section as the reading view shows it, from the guide now or from a version. */
interface ReadingSection {
  id: string;
  title: string;
  depth: number;
  number: string;
  status: SectionStatus;
  /** In a provisional version: it needed validation and was not validated then. */
  notValidated: boolean;
}

/**
 * `/guides/:guideId/read[?version=…]`: the whole guide as one continuous, numbered document (title
 * page, contents, every section in order), the guide now or a version of it, read-only. It prints
 * as the guide, not as the app (see reading.css).
 */
export default function ReadingPage({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const versionId = new URLSearchParams(useLocationSearch()).get('version');
  const { state } = useGuideView(guideId);
  const [version, setVersion] = useState<{ view: VersionView | null; error: unknown }>({ view: null, error: null });
  const latest = useLatestResponse();
  useEffect(() => {
    if (!versionId) return;
    setVersion({ view: null, error: null });
    void latest(() => getVersion(guideId, versionId)).then((outcome) => {
      if (outcome) setVersion(outcome.ok ? { view: outcome.value, error: null } : { view: null, error: outcome.error });
    });
  }, [guideId, versionId, latest]);

  if (state.kind !== 'ready') return <GuideNotReady state={state} loadingLabel={t('guide.loading')} />;
  if (versionId && version.error) return <GuideNotReady state={{ kind: 'error', error: version.error }} loadingLabel={t('guide.loading')} />;
  if (versionId && !version.view) return <GuideNotReady state={{ kind: 'loading' }} loadingLabel={t('guide.loading')} />;
  return <ReadingDocument guide={state.guide} version={versionId ? version.view : null} />;
}

function ReadingDocument({ guide, version }: { guide: GuideView; version: VersionView | null }) {
  const { t, i18n } = useTranslation();
  const sections = useMemo(() => readingSections(guide, version), [guide, version]);
  const ids = useMemo(() => sections.map((s) => s.id), [sections]);
  const { contents, done, error } = useSectionContents(guide.id, version?.version.id ?? CURRENT_VERSION, ids);
  // figures, tables and notes numbered across the guide; batches arrive in order, so the loaded
  // sections are always a prefix of the guide and their numbers are final
  const contentNumbers = useMemo(() => {
    const loaded: Array<{ id: string; doc: LayoutNode }> = [];
    for (const id of ids) {
      const layout = contents.get(id);
      if (layout === undefined) break;
      loaded.push({ id, doc: layout as LayoutNode });
    }
    return numberContent(loaded);
  }, [ids, contents]);
  const title = version?.guideTitle ?? guide.title;
  const language = version?.language ?? guide.language;
  // members who work on the guide see each section's state; readers see the text only
  const showStatus = guide.role !== 'reader';
  const firstShown = useRef(false);
  const onRendered = useCallback(() => {
    if (firstShown.current) return;
    firstShown.current = true;
    performance.mark('dalil:reading:first-content');
  }, []);
  useEffect(() => {
    if (done) performance.mark('dalil:reading:complete');
  }, [done]);
  useEffect(() => {
    document.title = [title, t('versions.readTitle'), t('app.name')].join(' — ');
  }, [title, t]);

  const versionLine = version
    ? t('versions.versionOf', { kind: t(`versions.kind.${version.version.kind}`), date: formatDate(version.version.createdAt, i18n.language) })
    : null;
  return (
    <div className="reading-layout">
      <AppHeader>
        <div className="guide-bar">
          <Link to={paths.guide(guide.id)} className="guide-bar__title" dir="auto" lang={guide.language}>
            {guide.title}
          </Link>
          {guide.role !== 'reader' && (
            <Link to={paths.guide(guide.id)} className="button button--small guide-bar__members">
              {t('versions.backToEditing')}
            </Link>
          )}
          <Link to={paths.versions(guide.id)} className="button button--small guide-bar__members" data-testid="versions-link">
            {t('versions.versionsLink')}
          </Link>
          <button type="button" className="button button--small" onClick={() => window.print()}>
            {t('versions.print')}
          </button>
        </div>
      </AppHeader>
      <main id="main" className="reading" tabIndex={-1} data-testid="reading" data-complete={done ? 'true' : undefined}>
        <article className="reading__document" lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
          <header className="reading-titlepage">
            <h1 className="reading-titlepage__title" dir="auto">
              {title}
            </h1>
            {versionLine && (
              <p className="reading-titlepage__version" data-testid="reading-version">
                {versionLine}
                {version?.version.label ? ` — ${version.version.label}` : ''}
              </p>
            )}
            {version && version.version.kind === 'provisional' && version.notValidated.length > 0 && (
              <p className="reading-titlepage__warning">{t('versions.notValidatedWarning', { count: version.notValidated.length })}</p>
            )}
          </header>
          {sections.length === 0 ? (
            <p className="muted">{t('versions.emptyGuide')}</p>
          ) : (
            <nav className="reading-toc" aria-labelledby="reading-toc-title">
              <h2 id="reading-toc-title">{t('versions.tocTitle')}</h2>
              <ol className="reading-toc__list">
                {sections.map((s) => (
                  <li key={s.id} className={`reading-toc__item reading-toc__item--depth-${Math.min(s.depth, 3)}`}>
                    {/* the number stays where the guide's direction puts it; an Arabic title in a French guide is isolated */}
                    <a href={`#s-${s.id}`}>
                      <span className="reading-number">{s.number}</span> <bdi>{s.title}</bdi>
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          {sections.map((s) => (
            <ReadingSectionView key={s.id} section={s} layout={contents.get(s.id)} numbers={contentNumbers.get(s.id)} showStatus={showStatus} onRendered={onRendered} />
          ))}
          {!done && (
            <p className="reading__progress muted" role="status">
              {t('versions.loadingSections', { done: contents.size, total: sections.length })}
            </p>
          )}
          {error !== null && (
            <p className="form-error" role="alert">
              {apiErrorMessage(error, t)}
            </p>
          )}
        </article>
      </main>
    </div>
  );
}

interface ReadingSectionProps {
  section: ReadingSection;
  layout: unknown;
  numbers: SectionContentNumbers | undefined;
  showStatus: boolean;
  onRendered: () => void;
}

function ReadingSectionView({ section, layout, numbers, showStatus, onRendered }: ReadingSectionProps) {
  const { t } = useTranslation();
  const arabic = useMemo(() => (layout === undefined ? isMostlyArabic(section.title) : isMostlyArabic(section.title + layoutText(layout))), [layout, section.title]);
  const Heading = section.depth === 0 ? 'h2' : section.depth === 1 ? 'h3' : 'h4';
  const empty = layout !== undefined && layoutText(layout).trim() === '' && !hasNonTextContent(layout);
  return (
    <section
      id={`s-${section.id}`}
      className={`reading-section reading-section--depth-${Math.min(section.depth, 3)}`}
      dir={arabic ? 'rtl' : 'ltr'}
      lang={arabic ? 'ar' : undefined}
      data-section-id={section.id}
      data-loaded={layout !== undefined ? 'true' : undefined}
    >
      <Heading className="reading-section__title">
        <span className="reading-number">{section.number}</span> <span dir="auto">{section.title}</span>
        {showStatus && <span className={`badge badge--${section.status} reading-section__status`}>{t(`toc.status.${section.status}`)}</span>}
        {section.notValidated && <span className="reading-section__not-validated">{t('versions.notValidatedMark')}</span>}
      </Heading>
      {layout === undefined ? <div className="reading-section__placeholder" aria-hidden="true" /> : empty ? null : <SectionBody layout={layout} numbers={numbers} onRendered={onRendered} />}
    </section>
  );
}

function hasNonTextContent(layout: unknown): boolean {
  const json = JSON.stringify(layout);
  return /"type":"(figure|table|callout|footnote|horizontalRule)"/.test(json);
}

function readingSections(guide: GuideView, version: VersionView | null): ReadingSection[] {
  if (version) {
    // a version is numbered as the guide was when it was made (older versions kept no setting: today's)
    const numbers = sectionNumbers(version.sections, version.numbering ?? guide.numbering);
    const notValidated = new Set(version.notValidated);
    return version.sections.map((s) => ({
      id: s.id,
      title: s.title,
      depth: s.depth,
      number: numbers.get(s.id) ?? '',
      status: s.status,
      notValidated: version.version.kind === 'provisional' && notValidated.has(s.id),
    }));
  }
  const ordered = tocOrder(guide.sections);
  const depths = tocDepths(ordered);
  const numbers = sectionNumbers(ordered, guide.numbering);
  return ordered.map((s) => ({ id: s.id, title: s.title, depth: depths.get(s.id) ?? 0, number: numbers.get(s.id) ?? '', status: s.status, notValidated: false }));
}
