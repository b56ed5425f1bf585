import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@dalil/shared';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { discussSuggestion } from '../api/suggestions.ts';
import { MessageComposer } from '../comments/MessageComposer.tsx';
import { MessageItem } from '../comments/MessageItem.tsx';

interface SuggestionDiscussionProps {
  guideId: string;
  suggestion: SuggestionView;
  people: PersonRef[];
  canWrite: boolean;
  onChanged: (suggestion: SuggestionView) => void;
}

/** The messages under a suggestion card, and a reply box opened on demand (cards stay short). */
export function SuggestionDiscussion({ guideId, suggestion, people, canWrite, onChanged }: SuggestionDiscussionProps) {
  const { t } = useTranslation();
  const [writing, setWriting] = useState(false);
  const { messages } = suggestion;

  return (
    <div className="suggestion-card__discussion" data-testid="suggestion-discussion">
      {messages.length > 0 && (
        <ol className="thread__messages" aria-label={t('suggestions.discussion')}>
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} canEdit={false} canDelete={false} people={people} />
          ))}
        </ol>
      )}
      {canWrite &&
        (writing ? (
          <MessageComposer
            label={t('suggestions.replyLabel')}
            submitLabel={t('suggestions.replySend')}
            people={people}
            autoFocus
            onCancel={() => setWriting(false)}
            onSubmit={async (message) => {
              onChanged(await discussSuggestion(guideId, suggestion.sectionId, suggestion.id, message));
              setWriting(false);
            }}
          />
        ) : (
          <button type="button" className="link-button" onClick={() => setWriting(true)}>
            {t('suggestions.replySend')}
          </button>
        ))}
    </div>
  );
}
