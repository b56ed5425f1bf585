import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { UI_LANGUAGE_COOKIE, isUiLanguage } from '@dalil/shared/i18n';
import { AppShell } from './appShell.ts';

/** Hashed assets never change: a browser keeps them a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and sw.js name the current hashed assets: always revalidated (cheap with ETags). */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built client, with index.html for every other GET so deep links work on reload.
 * Unknown /api and /collab paths still get JSON 404s. Assets go out as the brotli or gzip copy
 * the build made (chosen by Accept-Encoding; plain when the client accepts neither).
 */
export default fp<{ root: string | null }>(
  async (app, { root }) => {
    const hasClient = root !== null && existsSync(`${root}/index.html`);
    const shell = hasClient ? AppShell.load(root) : null;
    if (hasClient) {
      // Vite writes only content-hashed files under assets/: a changed file gets a new name
      const hashedAssets = join(root, 'assets') + sep;
      await app.register(fastifyStatic, {
        root,
        // `/` goes to the app shell below like every page (language from the cookie, preloads);
        // /index.html itself stays the plain shell the service worker precaches
        index: false,
        preCompressed: true,
        cacheControl: false,
        setHeaders: (reply, path) => {
          reply.header('cache-control', path.startsWith(hashedAssets) ? IMMUTABLE : REVALIDATE);
        },
      });
    }
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (shell && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/collab/')) {
        const language = request.cookies[UI_LANGUAGE_COOKIE];
        const html = shell.htmlFor(path, request.auth !== null, isUiLanguage(language) ? language : undefined);
        // the HTML depends on the cookies (session, language): no shared cache may reuse it
        return reply.type('text/html; charset=utf-8').header('cache-control', REVALIDATE).header('vary', 'Cookie').send(html);
      }
      return reply.code(404).send({ error: 'not_found', message: `${request.method} ${path} not found` });
    });
  },
  { name: 'client-app' },
);
