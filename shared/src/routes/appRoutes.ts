/**
 * The app's page addresses, shared by the client's router and the server, which sends a deep link's
 * HTML with its page's code and API replies already asked for (server/src/plugins/appShell.ts).
 */
export type Route =
  | { name: 'guides' }
  | { name: 'guide'; guideId: string; sectionId: string | null }
  | { name: 'members'; guideId: string }
  | { name: 'progress'; guideId: string }
  | { name: 'threads'; guideId: string }
  | { name: 'read'; guideId: string }
  | { name: 'versions'; guideId: string }
  | { name: 'settings'; guideId: string }
  | { name: 'invitation'; token: string }
  | { name: 'account' }
  | { name: 'login' }
  | { name: 'notFound' };

const GUIDE = /^\/guides\/([^/]+)\/?$/;
const SECTION = /^\/guides\/([^/]+)\/sections\/([^/]+)\/?$/;
const MEMBERS = /^\/guides\/([^/]+)\/members\/?$/;
const PROGRESS = /^\/guides\/([^/]+)\/progress\/?$/;
const THREADS = /^\/guides\/([^/]+)\/comments\/?$/;
const READ = /^\/guides\/([^/]+)\/read\/?$/;
const VERSIONS = /^\/guides\/([^/]+)\/versions\/?$/;
const SETTINGS = /^\/guides\/([^/]+)\/settings\/?$/;
const INVITATION = /^\/invitations\/([^/]+)\/?$/;

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/guides' || pathname === '/guides/') return { name: 'guides' };
  if (pathname === '/account' || pathname === '/account/') return { name: 'account' };
  if (pathname === '/login' || pathname === '/login/') return { name: 'login' };
  const section = SECTION.exec(pathname);
  if (section) return { name: 'guide', guideId: decode(section[1]!), sectionId: decode(section[2]!) };
  const members = MEMBERS.exec(pathname);
  if (members) return { name: 'members', guideId: decode(members[1]!) };
  const progress = PROGRESS.exec(pathname);
  if (progress) return { name: 'progress', guideId: decode(progress[1]!) };
  const threads = THREADS.exec(pathname);
  if (threads) return { name: 'threads', guideId: decode(threads[1]!) };
  const read = READ.exec(pathname);
  if (read) return { name: 'read', guideId: decode(read[1]!) };
  const versions = VERSIONS.exec(pathname);
  if (versions) return { name: 'versions', guideId: decode(versions[1]!) };
  const settings = SETTINGS.exec(pathname);
  if (settings) return { name: 'settings', guideId: decode(settings[1]!) };
  const guide = GUIDE.exec(pathname);
  if (guide) return { name: 'guide', guideId: decode(guide[1]!), sectionId: null };
  const invitation = INVITATION.exec(pathname);
  if (invitation) return { name: 'invitation', token: decode(invitation[1]!) };
  return { name: 'notFound' };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const paths = {
  guides: (): string => '/',
  guide: (guideId: string): string => `/guides/${encodeURIComponent(guideId)}`,
  section: (guideId: string, sectionId: string): string =>
    `/guides/${encodeURIComponent(guideId)}/sections/${encodeURIComponent(sectionId)}`,
  members: (guideId: string): string => `/guides/${encodeURIComponent(guideId)}/members`,
  progress: (guideId: string): string => `/guides/${encodeURIComponent(guideId)}/progress`,
  threads: (guideId: string): string => `/guides/${encodeURIComponent(guideId)}/comments`,
  /** A section opened on one comment thread (its card active and in view). */
  thread: (guideId: string, sectionId: string, threadId: string): string =>
    `/guides/${encodeURIComponent(guideId)}/sections/${encodeURIComponent(sectionId)}?thread=${encodeURIComponent(threadId)}`,
  /** The whole guide as one document; with a version id, that version (read-only). */
  read: (guideId: string, versionId?: string): string =>
    `/guides/${encodeURIComponent(guideId)}/read${versionId ? `?version=${encodeURIComponent(versionId)}` : ''}`,
  versions: (guideId: string): string => `/guides/${encodeURIComponent(guideId)}/versions`,
  settings: (guideId: string): string => `/guides/${encodeURIComponent(guideId)}/settings`,
  invitation: (token: string): string => `/invitations/${encodeURIComponent(token)}`,
  account: (): string => '/account',
  login: (next?: string): string => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
};

/**
 * The pages the client loads on demand, by route: the client keeps one loader per name, the server
 * finds `src/pages/<name>.tsx` in the build manifest to preload its chunks.
 */
export const LAZY_PAGE_OF = {
  guide: 'GuidePage',
  members: 'MembersPage',
  progress: 'ProgressPage',
  threads: 'GuideThreadsPage',
  read: 'ReadingPage',
  versions: 'VersionsPage',
  settings: 'GuideSettingsPage',
} as const satisfies Partial<Record<Route['name'], string>>;

export type LazyPageName = (typeof LAZY_PAGE_OF)[keyof typeof LAZY_PAGE_OF];

export function lazyPageOf(route: Route): LazyPageName | null {
  return (LAZY_PAGE_OF as Partial<Record<Route['name'], LazyPageName>>)[route.name] ?? null;
}
