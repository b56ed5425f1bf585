import { lazyPageOf, type LazyPageName, type Route } from '@dalil/shared/routes';

/**
 * The pages loaded on demand (the guide workspace carries TipTap and Yjs, most of the JavaScript).
 * One loader per page (the list of pages is shared with the server, which preloads a deep link's
 * chunks), used by the router (React.lazy) and the page-load preloading (preloadRoute.ts), which
 * starts the download before anyone has asked who the user is.
 */
export const pageLoaders = {
  GuidePage: () => import('../pages/GuidePage.tsx'),
  MembersPage: () => import('../pages/MembersPage.tsx'),
  ProgressPage: () => import('../pages/ProgressPage.tsx'),
  GuideThreadsPage: () => import('../pages/GuideThreadsPage.tsx'),
  ReadingPage: () => import('../pages/ReadingPage.tsx'),
  VersionsPage: () => import('../pages/VersionsPage.tsx'),
  GuideSettingsPage: () => import('../pages/GuideSettingsPage.tsx'),
} satisfies Record<LazyPageName, () => Promise<unknown>>;

/** Starts downloading the code of the page `route` shows, if it is loaded on demand. */
export function loadPageOf(route: Route): Promise<unknown> {
  const page = lazyPageOf(route);
  return page ? pageLoaders[page]() : Promise.resolve();
}
