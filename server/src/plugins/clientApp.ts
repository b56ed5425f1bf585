import { existsSync } from 'node:fs';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built client, with index.html for every other GET so deep links work on reload.
 * Unknown /api and /collab paths still get JSON 404s.
 */
export default fp<{ root: string | null }>(
  async (app, { root }) => {
    const hasClient = root !== null && existsSync(`${root}/index.html`);
    if (hasClient) {
      await app.register(fastifyStatic, { root, index: ['index.html'] });
    }
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (hasClient && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/collab/')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ error: 'not_found', message: `${request.method} ${path} not found` });
    });
  },
  { name: 'client-app' },
);
