import { useTranslation } from 'react-i18next';
import { canDeleteMessage, canEditMessage, type GuideRole, type PersonRef, type ThreadView } from '@dalil/shared';
import { formatDate } from '../i18n/formatDate.ts';
import { MessageComposer, type ComposedMessage } from './MessageComposer.tsx';
import { MessageItem } from './MessageItem.tsx';

export interface ThreadActions {
  reply: (thread: ThreadView, message: ComposedMessage) => Promise<void>;
  edit: (thread: ThreadView, messageId: string, message: ComposedMessage) => Promise<void>;
  remove: (thread: ThreadView, messageId: string) => Promise<void>;
  setStatus: (thread: ThreadView, status: ThreadView['status']) => Promise<void>;
}

interface ThreadCardProps {
  thread: ThreadView;
  active: boolean;
  detached: boolean;
  role: GuideRole;
  userId: string;
  canComment: boolean;
  people: PersonRef[];
  actions: ThreadActions;
  onActivate: () => void;
}

/** A thread beside its text: quote, messages, reply box, resolve or reopen. */
export function ThreadCard({ thread, active, detached, role, userId, canComment, people, actions, onActivate }: ThreadCardProps) {
  const { t, i18n } = useTranslation();
  const resolved = thread.status === 'resolved';
  // the message's own rules, as the server applies them (shared module)
  const ownership = (m: ThreadView['messages'][number]) => ({ authorId: m.author.id, deleted: m.deleted });

  return (
    <article
      className={`thread${active ? ' thread--active' : ''}${resolved ? ' thread--resolved' : ''}${detached ? ' thread--detached' : ''}`}
      data-thread-card={thread.id}
      aria-label={t('comments.threadLabel', { name: thread.createdBy.name })}
      onClick={(e) => {
        // buttons, links and text boxes inside the card do their own thing
        if (!(e.target as HTMLElement).closest('button, a, textarea, input')) onActivate();
      }}
    >
      <button type="button" className="thread__quote" onClick={onActivate} aria-label={t('comments.jumpToText', { quote: thread.quote })} dir="auto">
        {detached && <span className="thread__badge">{t('comments.detached')}</span>}
        <q>{thread.quote}</q>
      </button>
      <ol className="thread__messages">
        {thread.messages.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            canEdit={canEditMessage(role, userId, ownership(m))}
            canDelete={canDeleteMessage(role, userId, ownership(m))}
            people={people}
            onEdit={(message) => actions.edit(thread, m.id, message)}
            onDelete={() => actions.remove(thread, m.id)}
          />
        ))}
      </ol>
      {resolved && thread.resolvedBy && thread.resolvedAt && (
        <p className="thread__resolution">
          {t('comments.resolvedBy', { name: thread.resolvedBy.name, date: formatDate(thread.resolvedAt, i18n.language) })}
        </p>
      )}
      {canComment && (
        <div className="thread__footer">
          {!resolved && active && (
            <MessageComposer label={t('comments.replyLabel')} submitLabel={t('comments.reply')} people={people} onSubmit={(m) => actions.reply(thread, m)} />
          )}
          <button type="button" className="button button--small thread__status" onClick={() => void actions.setStatus(thread, resolved ? 'open' : 'resolved')}>
            {resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
    </article>
  );
}
