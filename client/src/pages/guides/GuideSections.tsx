import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSummary } from '@dalil/shared';
import { restoreGuide } from '../../api/guides.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { apiErrorDetail } from '../../i18n/apiErrorMessage.ts';
import { isolate } from '../../i18n/isolate.ts';
import { GuideCard } from './GuideCard.tsx';

/** The guides in use, then (folded away) the archived ones and the trash with its restore buttons. */
export function GuideSections({ guides, onChanged }: { guides: GuideSummary[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const active = guides.filter((g) => g.state === 'active');
  const archived = guides.filter((g) => g.state === 'archived');
  const trashed = guides.filter((g) => g.state === 'trashed');
  return (
    <>
      {active.length === 0 && <p className="muted" data-testid="guides-empty">{t(guides.length === 0 ? 'guides.empty' : 'guides.noneInUse')}</p>}
      {active.length > 0 && (
        <ul className="guide-cards" data-testid="guide-list">
          {active.map((guide) => (
            <GuideCard key={guide.id} guide={guide} />
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <details className="guide-group" data-testid="archived-guides">
          <summary>{t('guideSettings.archivedHeading', { count: archived.length })}</summary>
          <ul className="guide-cards">
            {archived.map((guide) => (
              <GuideCard key={guide.id} guide={guide} />
            ))}
          </ul>
        </details>
      )}
      {trashed.length > 0 && (
        <details className="guide-group" data-testid="trashed-guides">
          <summary>{t('guideSettings.trashHeading', { count: trashed.length })}</summary>
          <p className="muted">{t('guideSettings.trashExplain')}</p>
          <ul className="guide-cards">
            {trashed.map((guide) => (
              <GuideCard key={guide.id} guide={guide}>
                <RestoreButton guide={guide} onRestored={onChanged} />
              </GuideCard>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function RestoreButton({ guide, onRestored }: { guide: GuideSummary; onRestored: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [done, setDone] = useState(false);
  const restore = useSubmit(
    async () => {
      await restoreGuide(guide.id);
      setDone(true);
      announce(t('guideSettings.restored', { title: isolate(guide.title) }));
      onRestored();
    },
    { describeError: (err) => apiErrorDetail(err, t) },
  );
  return (
    <p className="guide-card__actions">
      <button
        type="button"
        className="button button--small"
        disabled={restore.busy || done}
        aria-label={t('guideSettings.restoreNamed', { title: isolate(guide.title) })}
        onClick={() => void restore.submit()}
      >
        {t('guideSettings.restore')}
      </button>
      {restore.error && (
        <span className="form-error" role="alert">
          {t('guideSettings.actionError', { message: restore.error })}
        </span>
      )}
    </p>
  );
}
