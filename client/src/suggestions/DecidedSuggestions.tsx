import { useTranslation } from 'react-i18next';
import { colorForUser, type PersonRef } from '@dalil/shared';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { formatDate } from '../i18n/formatDate.ts';
import { SuggestionChangeView } from './SuggestionChangeView.tsx';
import { SuggestionDiscussion } from './SuggestionDiscussion.tsx';

interface DecidedSuggestionsProps {
  guideId: string;
  language: string;
  decided: SuggestionView[];
  people: PersonRef[];
}

/**
 * The section's decided suggestions, collapsed under "Décidées (N)": what each proposed, its
 * outcome, who decided and when, and its discussion, to read what was settled and why. Read-only.
 */
export function DecidedSuggestions({ guideId, language, decided, people }: DecidedSuggestionsProps) {
  const { t, i18n } = useTranslation();
  if (decided.length === 0) return null;
  return (
    <details className="suggestions__decided" data-testid="decided-suggestions">
      <summary>{t('suggestions.decidedTitle', { count: decided.length })}</summary>
      <ul className="suggestions__list">
        {decided.map((s) => {
          const outcome = s.status === 'accepted' ? 'acceptedBy' : s.decidedBy === s.authorId ? 'withdrawnBy' : 'rejectedBy';
          return (
            <li key={s.id} className="suggestion-card suggestion-card--decided" data-decided-card={s.id} style={{ ['--suggestion-color' as string]: colorForUser(s.authorId) }}>
              <p className="suggestion-card__meta">
                <strong>{t(`suggestions.${s.kind}`)}</strong> · {t('suggestions.by', { name: s.authorName, date: formatDate(s.createdAt, i18n.language) })}
              </p>
              <SuggestionChangeView suggestion={s} language={language} />
              <p className={`suggestion-card__outcome suggestion-card__outcome--${s.status}`} data-outcome={s.status}>
                {t(`suggestions.${outcome}`, { name: s.decidedByName ?? '', date: s.decidedAt ? formatDate(s.decidedAt, i18n.language) : '' })}
              </p>
              <SuggestionDiscussion guideId={guideId} suggestion={s} people={people} canWrite={false} onChanged={() => undefined} />
            </li>
          );
        })}
      </ul>
    </details>
  );
}
