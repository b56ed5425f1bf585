/**
 * The pages loaded on demand (the guide workspace carries TipTap and Yjs, most of the JavaScript).
 * One loader per page, shared by the router (React.lazy) and the page-load preloading
 * (preloadRoute.ts), which starts the download before anyone has asked who the user is.
 */
export const loadGuidePage = () => import('../pages/GuidePage.tsx');
export const loadMembersPage = () => import('../pages/MembersPage.tsx');
export const loadProgressPage = () => import('../pages/ProgressPage.tsx');
export const loadGuideThreadsPage = () => import('../pages/GuideThreadsPage.tsx');
export const loadReadingPage = () => import('../pages/ReadingPage.tsx');
export const loadVersionsPage = () => import('../pages/VersionsPage.tsx');
export const loadGuideSettingsPage = () => import('../pages/GuideSettingsPage.tsx');
