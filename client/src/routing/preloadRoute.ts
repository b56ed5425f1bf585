import { getGuide } from '../api/guides.ts';
import { preloadJson } from '../api/http.ts';
import { listMembers } from '../api/members.ts';
import { getSectionState } from '../api/sections.ts';
import { getSession } from '../api/session.ts';
import { listThreads } from '../api/threads.ts';
import { getSectionWorkflow } from '../api/workflow.ts';
import { keptSignIn } from '../identity/keptSignIn.ts';
import { loadPageOf } from './lazyPages.ts';
import type { Route } from '@dalil/shared/routes';

const ignore = (): void => undefined;

/**
 * Starts, at once and in parallel, everything the page at `route` will need: who we are, the lazily
 * loaded page's code, and the API replies its hooks will ask for (they take these replies instead of
 * asking again, see preloadJson). Without this, a deep link on a mobile link was a waterfall: code,
 * then who am I, then the page's code, then the guide, then its workflow, members and threads.
 * Failures are left for the page to meet and show (or to answer from the offline copies).
 */
export function preloadRoute(route: Route): void {
  void preloadJson(getSession).catch(ignore);
  void loadPageOf(route).catch(ignore);
  // The server preloads a page's API replies only for a signed-in visitor (server/src/plugins/appShell.ts);
  // without them a signed-out visitor would only fetch 401s, which the browser logs as errors.
  if (document.querySelector('link[rel="preload"][as="fetch"][href^="/api/guides/"]')) {
    preloadReplies(route, { sectionState: true });
    return;
  }
  // The service worker's shell has no preloads (it is the same HTML for everyone): on a second
  // visit, what identity/keptSignIn.ts kept says whether this browser was signed in when it last asked.
  // Without this the replies left only once the page had rendered: 1 s later on a 3G link.
  if (!('guideId' in route)) return;
  if (!navigator.serviceWorker?.controller) return;
  // the section's state is left to IndexedDB and the socket here: the device has usually seen it
  if (keptSignIn()) preloadReplies(route, { sectionState: false });
}

function preloadReplies(route: Route, { sectionState }: { sectionState: boolean }): void {
  switch (route.name) {
    case 'guide': {
      const { guideId, sectionId } = route;
      const guide = preloadJson(() => getGuide(guideId));
      void preloadJson(() => listThreads(guideId)).catch(ignore);
      if (sectionId) void preloadJson(() => getSectionWorkflow(guideId, sectionId)).catch(ignore);
      if (sectionId && sectionState) void preloadJson(() => getSectionState(guideId, sectionId)).catch(ignore);
      // members only for roles that may read them (others get a 403): the guide says which
      guide.then((view) => {
        if (view.permissions.includes('members.read')) void preloadJson(() => listMembers(guideId)).catch(ignore);
      }, ignore);
      return;
    }
    case 'members':
    case 'progress':
    case 'threads':
    case 'settings':
      void preloadJson(() => getGuide(route.guideId)).catch(ignore);
      return;
    default:
  }
}
