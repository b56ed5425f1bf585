import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef, ThreadMessageView } from '@dalil/shared';
import { formatDate } from '../i18n/formatDate.ts';
import { MessageComposer, type ComposedMessage } from './MessageComposer.tsx';
import { MessageText } from './MessageText.tsx';

interface MessageItemProps {
  message: ThreadMessageView;
  canEdit: boolean;
  canDelete: boolean;
  people: PersonRef[];
  /** Needed only when the message may be edited or deleted. */
  onEdit?: (message: ComposedMessage) => Promise<void>;
  onDelete?: () => Promise<void>;
}

/** One message of a thread: who, when, the words, and (for its author) edit and delete. */
export function MessageItem({ message, canEdit, canDelete, people, onEdit, onDelete }: MessageItemProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  return (
    <li className="message" data-message-id={message.id}>
      <p className="message__meta">
        <strong dir="auto">{message.author.name}</strong>{' '}
        <time dateTime={message.createdAt}>{formatDate(message.createdAt, i18n.language)}</time>
        {message.editedAt && !message.deleted && <span className="message__edited"> · {t('comments.edited')}</span>}
      </p>
      {message.deleted ? (
        <p className="message__body message__body--deleted">{t('comments.deletedMessage')}</p>
      ) : editing ? (
        <MessageComposer
          label={t('comments.editLabel')}
          submitLabel={t('comments.save')}
          people={people}
          initialBody={message.body}
          initialMentions={message.mentions}
          autoFocus
          onSubmit={async (m) => {
            await onEdit?.(m);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <MessageText body={message.body} mentions={message.mentions} />
      )}
      {!message.deleted && !editing && (canEdit || canDelete) && (
        <div className="message__actions">
          {canEdit && (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t('comments.edit')}
            </button>
          )}
          {canDelete &&
            (confirming ? (
              <>
                <button type="button" className="link-button link-button--danger" onClick={() => void onDelete?.().finally(() => setConfirming(false))}>
                  {t('comments.confirmDelete')}
                </button>
                <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                  {t('comments.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                {t('comments.delete')}
              </button>
            ))}
        </div>
      )}
    </li>
  );
}
