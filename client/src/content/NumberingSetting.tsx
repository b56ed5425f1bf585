import { useTranslation } from 'react-i18next';
import type { GuideNumbering, GuideView } from '@dalil/shared';
import { updateGuide } from '../api/guides.ts';
import { useSubmit } from '../hooks/useSubmit.ts';

/** The coordinator's numbering switch, and which chapters are front matter (left unnumbered). */
export function NumberingSetting({ guide, onChanged }: { guide: GuideView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const numbering: GuideNumbering = guide.numbering ?? { enabled: true, unnumberedSectionIds: [] };
  const chapters = guide.sections.filter((s) => s.parentId === null);

  const { busy, error, submit: save } = useSubmit(async (next: GuideNumbering) => {
    await updateGuide(guide.id, { numbering: next });
    await onChanged();
  });

  return (
    <section className="progress-card" aria-labelledby="numbering-title" data-testid="numbering-setting">
      <h2 id="numbering-title">{t('content.numbering')}</h2>
      <label className="checkbox-row">
        <input type="checkbox" checked={numbering.enabled} disabled={busy} onChange={(event) => void save({ ...numbering, enabled: event.target.checked })} />
        <span>{t('content.numberingOn')}</span>
      </label>
      {numbering.enabled && chapters.length > 0 && (
        <fieldset className="numbering-setting__front">
          <legend>{t('content.unnumbered')}</legend>
          {chapters.map((chapter) => {
            const checked = numbering.unnumberedSectionIds.includes(chapter.id);
            return (
              <label key={chapter.id} className="checkbox-row">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={busy}
                  data-unnumbered={chapter.id}
                  onChange={(event) =>
                    void save({
                      ...numbering,
                      unnumberedSectionIds: event.target.checked ? [...numbering.unnumberedSectionIds, chapter.id] : numbering.unnumberedSectionIds.filter((id) => id !== chapter.id),
                    })
                  }
                />
                <span dir="auto">{chapter.title}</span>
              </label>
            );
          })}
        </fieldset>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
