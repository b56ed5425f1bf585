import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDE_LANGUAGES, type GuideLanguage } from '@dalil/shared';
import { DEFAULT_UI_LANGUAGE, isRtlLanguage } from '@dalil/shared/i18n';
import { LAZY_PAGE_OF, lazyPageOf, parseRoute, type LazyPageName, type Route } from '@dalil/shared/routes';

/** One entry of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

const pageSource = (page: LazyPageName): string => `src/pages/${page}.tsx`;

/**
 * index.html as the server sends it for a navigation: for a deep link into a lazily loaded page,
 * with `<link rel="modulepreload">` for that page's chunks (and a preload of its CSS), so that the
 * browser fetches them together with the entry chunk instead of one round trip after the entry
 * has run and asked who the user is. On a 300 ms mobile link that waterfall cost seconds.
 */
export class AppShell {
  private readonly byPage = new Map<string, string>();
  /** Per UI language, the modulepreload links of its catalogue chunk (client/src/i18n/catalogues.ts). */
  private readonly catalogueLinks = new Map<GuideLanguage, string>();

  constructor(private readonly html: string, manifest: Manifest | null) {
    if (!manifest) return;
    const already = new Set(closure(manifest, ['index.html']).files);
    for (const language of GUIDE_LANGUAGES) {
      const key = Object.keys(manifest).find((k) => k.endsWith(`shared/src/i18n/${language}.ts`));
      if (!key) continue;
      const files = closure(manifest, [key]).files.filter((f) => !already.has(f));
      this.catalogueLinks.set(language, files.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">\n    `).join(''));
    }
    for (const page of Object.values(LAZY_PAGE_OF)) {
      const source = pageSource(page);
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
   * The page for a navigation to `path` (no query string), in the visitor's UI `language` (from the
   * `dalil_lang` cookie the client writes; French without it): `<html lang dir>` in that language
   * from the first paint, and a preload of that language's catalogue only. API replies are
   * preloaded only for a signed-in visitor: signed out, they would only fetch 401s (logged as
   * errors by the browser).
   */
  htmlFor(path: string, signedIn = true, language: GuideLanguage = DEFAULT_UI_LANGUAGE): string {
    const route = parseRoute(path);
    const page = lazyPageOf(route);
    const html = (page && this.byPage.get(pageSource(page))) ?? this.html;
    // first in the head: tiny replies that should not wait behind the scripts for one of the
    // browser's six connections (plain HTTP/1.1 without a TLS proxy in front)
    const links = (signedIn ? apiReplies(route) : ['/api/me/session']).map((api) => `<link rel="preload" as="fetch" crossorigin href="${api}">\n    `);
    const catalogue = this.catalogueLinks.get(language) ?? '';
    return html
      .replace(/<html lang="[^"]*" dir="[^"]*">/, `<html lang="${language}" dir="${isRtlLanguage(language) ? 'rtl' : 'ltr'}">`)
      .replace('<script type="module"', `${links.join('')}${catalogue}<script type="module"`);
  }
}

// identifiers go into the HTML as they are: only those that need no escaping
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The API replies the page at `route` asks for first, exactly as client/src/routing/preloadRoute.ts
 * requests them: preloaded from the HTML, they travel while the code downloads, and the page's own
 * fetch takes the preloaded reply (same URL, mode and credentials) instead of asking again.
 * Identifiers that would need escaping are left to the page.
 */
function apiReplies(route: Route): string[] {
  const replies = ['/api/me/session'];
  if (!('guideId' in route) || !SAFE_ID.test(route.guideId)) return replies;
  const { guideId } = route;
  if (route.name === 'guide') {
    replies.push(`/api/guides/${guideId}`, `/api/guides/${guideId}/threads`);
    if (route.sectionId && SAFE_ID.test(route.sectionId)) {
      const section = `/api/guides/${guideId}/sections/${route.sectionId}`;
      replies.push(`${section}/workflow`, `${section}/state`);
    }
  } else if (route.name === 'members' || route.name === 'progress' || route.name === 'threads' || route.name === 'settings') {
    replies.push(`/api/guides/${guideId}`);
  }
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
