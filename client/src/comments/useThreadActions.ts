import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadView } from '@dalil/shared';
import { deleteMessage, editMessage, replyToThread, setThreadStatus } from '../api/threads.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import type { ThreadActions } from './ThreadCard.tsx';

/** What a thread card can do, through the API; each reply updates the thread list via `apply`. */
export function useThreadActions(guideId: string, apply: (threadId: string, thread: ThreadView | null) => void): ThreadActions {
  const { t } = useTranslation();
  const announce = useAnnounce();
  return useMemo(
    () => ({
      reply: async (thread, message) => apply(thread.id, await replyToThread(guideId, thread.id, message)),
      edit: async (thread, messageId, message) => apply(thread.id, await editMessage(guideId, thread.id, messageId, message)),
      remove: async (thread, messageId) => apply(thread.id, await deleteMessage(guideId, thread.id, messageId)),
      setStatus: async (thread, status) => {
        apply(thread.id, await setThreadStatus(guideId, thread.id, status));
        announce(status === 'resolved' ? t('comments.resolvedAnnounce') : t('comments.reopenedAnnounce'));
      },
    }),
    [guideId, apply, announce, t],
  );
}
