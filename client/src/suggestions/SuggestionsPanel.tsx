import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { colorForUser, type PersonRef } from '@dalil/shared';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { decideAllSuggestions, decideSuggestion } from '../api/suggestions.ts';
import { formatDate } from '../i18n/formatDate.ts';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { SuggestionDiscussion } from './SuggestionDiscussion.tsx';
import { SuggestionChangeView } from './SuggestionChangeView.tsx';
import { DecidedSuggestions } from './DecidedSuggestions.tsx';
import './suggestions.css';

interface SuggestionsPanelProps {
  guideId: string;
  sectionId: string;
  language: string;
  open: SuggestionView[];
  /** Decided ones, shown collapsed below, read-only. */
  decided: SuggestionView[];
  userId: string;
  /** Authors and the coordinator accept and reject; everyone may withdraw their own. */
  canDecide: boolean;
  /** Who may write in a suggestion's discussion (everyone who may comment). */
  canComment: boolean;
  /** Members who can be mentioned in a discussion. */
  people: PersonRef[];
  onDecided: (suggestions: SuggestionView[]) => void;
}

/** The open suggestions of the section beside the text, with accept and reject (one, or all of one person); the decided ones below, collapsed. */
export function SuggestionsPanel({ guideId, sectionId, language, open, decided, userId, canDecide, canComment, people, onDecided }: SuggestionsPanelProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (open.length === 0 && decided.length === 0) return null;

  async function run(action: () => Promise<SuggestionView[]>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onDecided(await action());
    } catch (err) {
      setError(apiErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
  const decide = (id: string, decision: 'accept' | 'reject') => run(async () => [await decideSuggestion(guideId, sectionId, id, decision)]);
  const decideAll = (authorId: string, decision: 'accept' | 'reject') => run(async () => (await decideAllSuggestions(guideId, sectionId, authorId, decision)).suggestions);
  const authors = [...new Map(open.map((s) => [s.authorId, s.authorName])).entries()];

  return (
    <section className="suggestions" aria-labelledby="suggestions-title" data-testid="suggestions-panel">
      <h2 id="suggestions-title" className="suggestions__title">
        {t('suggestions.title')} <span className="suggestions__count">{t('suggestions.count', { count: open.length })}</span>
      </h2>
      {error && (
        <p className="content-error" role="alert">
          {error}
        </p>
      )}
      {open.length > 0 && (
        <ul className="suggestions__list">
          {open.map((s) => (
            <li key={s.id} className="suggestion-card" data-suggestion-card={s.id} style={{ ['--suggestion-color' as string]: colorForUser(s.authorId) }}>
              <p className="suggestion-card__meta">
                <strong>{t(`suggestions.${s.kind}`)}</strong> · {t('suggestions.by', { name: s.authorName, date: formatDate(s.createdAt, i18n.language) })}
              </p>
              <SuggestionChangeView suggestion={s} language={language} />
              <div className="suggestion-card__actions">
                {canDecide && (
                  <button type="button" className="button button--small" disabled={busy} onClick={() => void decide(s.id, 'accept')}>
                    {t('suggestions.accept')}
                  </button>
                )}
                {(canDecide || s.authorId === userId) && (
                  <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => void decide(s.id, 'reject')}>
                    {canDecide ? t('suggestions.reject') : t('suggestions.withdraw')}
                  </button>
                )}
              </div>
              <SuggestionDiscussion guideId={guideId} suggestion={s} people={people} canWrite={canComment} onChanged={(changed) => onDecided([changed])} />
            </li>
          ))}
        </ul>
      )}
      {canDecide && (
        <div className="suggestions__all">
          {authors.map(([authorId, name]) => (
            <p key={authorId} className="suggestions__all-row">
              <button type="button" className="link-button" disabled={busy} onClick={() => void decideAll(authorId, 'accept')}>
                {t('suggestions.acceptAll', { name })}
              </button>
              <button type="button" className="link-button" disabled={busy} onClick={() => void decideAll(authorId, 'reject')}>
                {t('suggestions.rejectAll', { name })}
              </button>
            </p>
          ))}
        </div>
      )}
      <DecidedSuggestions guideId={guideId} language={language} decided={decided} people={people} />
    </section>
  );
}
