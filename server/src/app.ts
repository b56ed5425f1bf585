import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { guideIdFromRoomName } from '@dalil/shared';
import type { Config } from './config.ts';
import { acquireDataDirLock } from './storage/dataDirLock.ts';
import { FileDocStore } from './storage/fileDocStore.ts';
import type { DocStore } from './storage/docStore.ts';
import { MetadataStore } from './storage/metadataStore.ts';
import { GuideRepository } from './storage/guideRepository.ts';
import { RoomRegistry } from './collaboration/roomRegistry.ts';
import { collabRoute, type DocumentTarget } from './collaboration/collabRoute.ts';
import errorReplies from './plugins/errorReplies.ts';
import apiDocs from './plugins/apiDocs.ts';
import clientApp from './plugins/clientApp.ts';
import { sharedSchemas } from './routes/commonSchemas.ts';
import healthRoute from './routes/health/index.ts';
import guidesRoute from './routes/guides/index.ts';
import sectionsRoute from './routes/sections/index.ts';
import { seedDemoIfEmpty } from './demo/seedDemo.ts';

export interface DalilApp {
  app: FastifyInstance;
  guides: GuideRepository;
  registry: RoomRegistry;
  docStore: DocStore;
  metadata: MetadataStore;
}

export interface BuildOptions {
  /** Replaces the embedded document store (tests inject faults through this). */
  docStore?: (dir: string, logger: FastifyInstance['log']) => DocStore;
}

/** Builds the whole server without listening; `server.ts` listens, tests call this directly. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<DalilApp> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const releaseLock = acquireDataDirLock(config.dataDir);
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.maxBodyBytes,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });
  try {
    const metadata = await MetadataStore.open(join(config.dataDir, 'metadata.json'));
    const guides = new GuideRepository(metadata);
    const docsDir = join(config.dataDir, 'docs');
    const docStore = options.docStore ? options.docStore(docsDir, app.log) : new FileDocStore(docsDir, app.log);
    const registry = new RoomRegistry(
      docStore,
      {
        unloadDelayMs: config.unloadDelayMs,
        persistence: {
          commitDelayMs: config.commitDelayMs,
          compactMinLogBytes: 256 * 1024,
          retryDelayMs: 100,
          maxRetryDelayMs: 5000,
        },
      },
      app.log,
      (guideId) => guides.findGuide(guideId)?.structureVersion ?? 0,
    );

    if (config.demo) await seedDemoIfEmpty(guides, docStore, app.log);

    const resolveDocument = (docName: string): DocumentTarget => {
      const guideId = guideIdFromRoomName(docName);
      if (guideId !== null) return guides.findGuide(guideId) ? { kind: 'guide', guideId } : null;
      const section = guides.findSectionByDocName(docName);
      return section ? { kind: 'section', guideId: section.guideId } : null;
    };

    for (const schema of sharedSchemas) app.addSchema(schema);
    await app.register(errorReplies);
    await app.register(apiDocs);
    await app.register(websocket, { options: { maxPayload: config.maxMessageBytes } });
    const services = { guides, live: registry };
    await app.register(healthRoute, { prefix: '/api/health' });
    await app.register(guidesRoute, { prefix: '/api/guides', ...services });
    await app.register(sectionsRoute, { prefix: '/api/guides/:guideId', ...services });
    await app.register(collabRoute, { registry, resolveDocument, pingIntervalMs: config.pingIntervalMs });
    await app.register(clientApp, { root: config.clientDist });

    // Sockets are closed by @fastify/websocket before this runs; then every queued update reaches
    // the disk before the process may exit.
    app.addHook('onClose', async () => {
      await registry.flushAll();
      await metadata.flush();
      await docStore.close();
      releaseLock();
    });
    return { app, guides, registry, docStore, metadata };
  } catch (err) {
    await app.close().catch(() => {});
    releaseLock();
    throw err;
  }
}
