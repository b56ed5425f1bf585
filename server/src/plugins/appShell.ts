import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/**
 * The lazily loaded page each deep link opens, as source paths the manifest knows. Mirrors the
 * lazy routes of client/src/App.tsx (and the paths of client/src/routing/routes.ts); a route
 * missing here still works, it only loads its page one round trip later.
 */
const LAZY_PAGES: Array<[pattern: RegExp, source: string]> = [
  [/^\/guides\/[^/]+\/members\/?$/, 'src/pages/MembersPage.tsx'],
  [/^\/guides\/[^/]+\/progress\/?$/, 'src/pages/ProgressPage.tsx'],
  [/^\/guides\/[^/]+\/comments\/?$/, 'src/pages/GuideThreadsPage.tsx'],
  [/^\/guides\/[^/]+\/read\/?$/, 'src/pages/ReadingPage.tsx'],
  [/^\/guides\/[^/]+\/versions\/?$/, 'src/pages/VersionsPage.tsx'],
  [/^\/guides\/[^/]+(\/sections\/[^/]+)?\/?$/, 'src/pages/GuidePage.tsx'],
];

/**
 * index.html as the server sends it for a navigation: for a deep link into a lazily loaded page,
 * with `<link rel="modulepreload">` for that page's chunks (and a preload of its CSS), so that the
 * browser fetches them together with the entry chunk instead of one round trip after the entry
 * has run and asked who the user is. On a 300 ms mobile link that waterfall cost seconds.
 */
export class AppShell {
  private readonly byPage = new Map<string, string>();

  constructor(private readonly html: string, manifest: Manifest | null) {
    if (!manifest) return;
    const already = new Set(closure(manifest, ['index.html']).files);
    for (const [, source] of LAZY_PAGES) {
      if (!manifest[source] || this.byPage.has(source)) continue;
      const { files, css } = closure(manifest, [source]);
      const links = [
        ...files.filter((f) => !already.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
        ...css.map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
      ];
      this.byPage.set(source, links.length ? html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`) : html);
    }
  }

  static load(distDir: string): AppShell {
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const manifestPath = join(distDir, '.vite/manifest.json');
    const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : null;
    return new AppShell(html, manifest);
  }

  /**
   * The page for a navigation to `path` (no query string). API replies are preloaded only for a
   * signed-in visitor: signed out, they would only fetch 401s (logged as errors by the browser).
   */
  htmlFor(path: string, signedIn = true): string {
    const page = LAZY_PAGES.find(([pattern]) => pattern.test(path));
    const html = (page && this.byPage.get(page[1])) ?? this.html;
    // first in the head: tiny replies that should not wait behind the scripts for one of the
    // browser's six connections (plain HTTP/1.1 without a TLS proxy in front)
    const links = (signedIn ? apiReplies(path) : ['/api/me/session']).map((api) => `<link rel="preload" as="fetch" crossorigin href="${api}">\n    `);
    return html.replace('<script type="module"', `${links.join('')}<script type="module"`);
  }
}

const ID = '([A-Za-z0-9_-]{1,64})';
const SECTION_PAGE = new RegExp(`^/guides/${ID}(?:/sections/${ID})?/?$`);
const GUIDE_SUBPAGE = new RegExp(`^/guides/${ID}/(?:members|progress|comments)/?$`);

/**
 * The API replies the page at `path` asks for first, exactly as client/src/routing/preloadRoute.ts
 * requests them: preloaded from the HTML, they travel while the code downloads, and the page's own
 * fetch takes the preloaded reply (same URL, mode and credentials) instead of asking again.
 * Identifiers that would need escaping are left to the page.
 */
function apiReplies(path: string): string[] {
  const replies = ['/api/me/session'];
  const section = SECTION_PAGE.exec(path);
  if (section) {
    const [, guideId, sectionId] = section;
    replies.push(`/api/guides/${guideId}`, `/api/guides/${guideId}/threads`);
    if (sectionId) replies.push(`/api/guides/${guideId}/sections/${sectionId}/workflow`);
  }
  const subpage = GUIDE_SUBPAGE.exec(path);
  if (subpage) replies.push(`/api/guides/${subpage[1]}`);
  return replies;
}

/** Every chunk file and stylesheet `roots` load statically, in manifest order. */
function closure(manifest: Manifest, roots: string[]): { files: string[]; css: string[] } {
  const seen = new Set<string>();
  const files: string[] = [];
  const css: string[] = [];
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    files.push(chunk.file);
    for (const sheet of chunk.css ?? []) if (!css.includes(sheet)) css.push(sheet);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const root of roots) visit(root);
  return { files, css };
}
