import { useCallback } from 'react';
import type { GuideView } from '@dalil/shared';
import type { AccessSignal } from '../../collaboration/accessSignals.ts';
import type { LostAccess } from './AccessLost.tsx';
import { useAnnouncement, useLaterAnnouncement } from '../../collaboration/useAnnouncement.ts';
import { useGuideRoom } from '../../collaboration/useGuideRoom.ts';
import type { CurrentUser } from '../../identity/currentUser.ts';
import { loadSession } from '../../identity/currentUser.ts';
import { refreshNotifications } from '../../notifications/notificationStore.ts';
import { useStructureSync } from './useStructureSync.ts';

/**
 * The open guide kept current: its room (presence, announcements), the guide reloaded when the
 * server announces a structure or content change, the bell asked to look, and what to do when the
 * server closes a socket because our access changed (room or section: `onAccessSignal`).
 */
export function useLiveGuide(guide: GuideView, user: CurrentUser, sectionId: string | null, refresh: () => Promise<void>, onRemoved: (why: LostAccess) => void) {
  const onAccessSignal = useCallback(
    (signal: AccessSignal) => {
      if (signal === 'sessionEnded') void loadSession(); // confirms, then the login page takes over (URL kept)
      else if (signal === 'removed' || signal === 'trashed') onRemoved(signal);
      // role changed: the provider reconnects by itself, permissions come from the guide; refused:
      // the guide's reply says whether we are still a member (a 403 shows that access was lost)
      else void refresh();
    },
    [onRemoved, refresh],
  );
  // a kept copy of the guide (from before this visit) has no content version: treat it as unknown
  const room = useGuideRoom(guide.roomName, { user, sectionId }, onAccessSignal, guide.contentVersion ?? null);
  useStructureSync(room.structureVersion, guide.structureVersion, refresh);
  // word counts and last edits of sections open elsewhere
  useAnnouncement([room.contentVersion], () => void refresh());
  // a structure change may be a transition that notified us, a comment change a mention: ask the bell to look
  // (not for the versions the room reports on connecting: the bell asked when it appeared)
  useLaterAnnouncement([room.structureVersion, room.threadsVersion, room.suggestionsVersion], () => void refreshNotifications());
  return { room, onAccessSignal };
}
