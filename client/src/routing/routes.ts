export type Route =
  | { name: 'guides' }
  | { name: 'guide'; guideId: string; sectionId: string | null }
  | { name: 'notFound' };

const GUIDE = /^\/guides\/([^/]+)\/?$/;
const SECTION = /^\/guides\/([^/]+)\/sections\/([^/]+)\/?$/;

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/guides' || pathname === '/guides/') return { name: 'guides' };
  const section = SECTION.exec(pathname);
  if (section) return { name: 'guide', guideId: decode(section[1]!), sectionId: decode(section[2]!) };
  const guide = GUIDE.exec(pathname);
  if (guide) return { name: 'guide', guideId: decode(guide[1]!), sectionId: null };
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
};
