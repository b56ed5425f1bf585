import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENT_VERSION } from '@dalil/shared/api/versionRules.ts';
import type { Comparison, SectionComparison, VersionSummary } from '@dalil/shared/api/versions.ts';
import { compareVersions, restoreSection } from '../../api/versions.ts';
import { ApiRequestError } from '../../api/http.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';
import { formatDate } from '../../i18n/formatDate.ts';
import { ChangeBlocks } from '../guide/workflow/ChangeBlocks.tsx';
import { VersionPicker } from './VersionPicker.tsx';

interface CompareProps {
  guideId: string;
  language: string;
  versions: VersionSummary[];
  canRestore: boolean;
}

/**
 * Two versions, or a version and today, section by section; the coordinator can bring a section's
 * text back from the version side.
 */
export function CompareVersions({ guideId, language, versions, canRestore }: CompareProps) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const [from, setFrom] = useState(versions[0]?.id ?? CURRENT_VERSION);
  const [to, setTo] = useState(CURRENT_VERSION);
  const [result, setResult] = useState<{ comparison: Comparison } | { error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<SectionComparison | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  const label = (id: string) => {
    if (id === CURRENT_VERSION) return t('versions.current');
    const v = versions.find((x) => x.id === id);
    return v ? `${t(`versions.kind.${v.kind}`)} — ${v.label ? `${v.label} — ` : ''}${formatDate(v.createdAt, i18n.language)}` : id;
  };
  const run = async (a = from, b = to) => {
    setBusy(true);
    try {
      setResult({ comparison: await compareVersions(guideId, a, b) });
    } catch (error) {
      setResult({ error });
    } finally {
      setBusy(false);
    }
  };
  // the version side of the comparison is where a section's text can be brought back from
  const restoreFrom = from !== CURRENT_VERSION ? from : to !== CURRENT_VERSION ? to : null;
  const restore = async (section: SectionComparison) => {
    setRestoreError(null);
    try {
      const res = await restoreSection(guideId, restoreFrom!, section.id);
      announce(t(res.changed ? 'versions.restored' : 'versions.restoreUnchanged', { title: section.title }));
      setConfirming(null);
      await run();
    } catch (err) {
      setConfirming(null);
      setRestoreError(err instanceof ApiRequestError && err.code === 'section_validated' ? t('versions.restoreValidated') : apiErrorMessage(err, t));
    }
  };

  const options = [CURRENT_VERSION, ...versions.map((v) => v.id)];
  const comparison = result && 'comparison' in result ? result.comparison : null;
  const differing = comparison?.sections.filter((s) => s.change !== 'same' || s.previousTitle !== null) ?? [];
  const unchanged = (comparison?.sections.length ?? 0) - differing.length;
  return (
    <section className="versions-card" aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title">{t('versions.compareTitle')}</h2>
      <form
        className="versions-compare__form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <VersionPicker label={t('versions.compareFrom')} value={from} onChange={setFrom} options={options} optionLabel={label} testId="compare-from" />
        <VersionPicker label={t('versions.compareTo')} value={to} onChange={setTo} options={options} optionLabel={label} testId="compare-to" />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('versions.comparing') : t('versions.compare')}
        </button>
      </form>
      {result && 'error' in result && (
        <p className="form-error" role="alert">
          {apiErrorMessage(result.error, t)}
        </p>
      )}
      {restoreError && (
        <p className="form-error" role="alert">
          {restoreError}
        </p>
      )}
      {comparison && (
        <div className="versions-compare__result" data-testid="comparison">
          {differing.length === 0 ? (
            <p className="muted">{t('versions.noDifference')}</p>
          ) : (
            <>
              <p className="changes__legend muted">{t('workflow.changesLegend')}</p>
              {differing.map((s) => (
                <article key={s.id} className={`versions-diff versions-diff--${s.change}`} data-section-id={s.id} data-change={s.change}>
                  <header className="versions-diff__header">
                    <h3 dir="auto" lang={language}>
                      {s.title}
                    </h3>
                    <span className="versions-diff__change">
                      {s.change === 'added' ? t('versions.sectionAdded') : s.change === 'removed' ? t('versions.sectionRemoved') : s.change === 'changed' ? t('versions.sectionChanged') : null}
                    </span>
                    {canRestore && restoreFrom && s.change === 'changed' && (
                      <button type="button" className="button button--small" aria-label={t('versions.restoreLabel', { title: s.title })} onClick={() => setConfirming(s)}>
                        {t('versions.restore')}
                      </button>
                    )}
                  </header>
                  {s.previousTitle && (
                    <p className="muted" dir="auto">
                      {t('versions.renamedFrom', { title: s.previousTitle })}
                    </p>
                  )}
                  {s.change === 'changed' && s.blocks.every((b) => b.kind === 'same') && <p className="muted">{t('versions.layoutOnly')}</p>}
                  {s.blocks.length > 0 && <ChangeBlocks blocks={s.blocks} language={language} />}
                </article>
              ))}
            </>
          )}
          {unchanged > 0 && <p className="muted">{t('versions.unchanged', { count: unchanged })}</p>}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('versions.restoreLabel', { title: confirming.title })}
          body={t('versions.restoreConfirm', { title: confirming.title })}
          confirmLabel={t('versions.restore')}
          cancelLabel={t('workflow.cancel')}
          onConfirm={() => restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
