import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { IMAGE_CONTENT_TYPES } from './images/imageFormat.ts';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import adminSocket from './admin/adminSocket.ts';
import type { Config } from './config.ts';
import { acquireDataDirLock } from './storage/dataDirLock.ts';
import { IMAGES_DIR, IMPORTS_DIR, SNAPSHOTS_DIR, VERSIONS_DIR } from './storage/dataDirLayout.ts';
import type { DocStore } from './storage/docStore.ts';
import type { MetadataStore } from './storage/metadataStore.ts';
import { openStorage, type Storage } from './storage/openStorage.ts';
import { joinCluster } from './cluster/joinCluster.ts';
import type { RedisCluster } from './cluster/redisCluster.ts';
import { GuideRepository } from './storage/guideRepository.ts';
import { AccountRepository } from './storage/accountRepository.ts';
import { MemberRepository } from './storage/memberRepository.ts';
import { NotificationRepository } from './storage/notificationRepository.ts';
import { WorkflowRepository } from './storage/workflowRepository.ts';
import { SnapshotStore } from './storage/snapshotStore.ts';
import { VersionStore } from './storage/versionStore.ts';
import { ThreadRepository } from './storage/threadRepository.ts';
import { SuggestionRepository } from './storage/suggestionRepository.ts';
import { GuideAccess } from './auth/guideAccess.ts';
import { LoginThrottle } from './auth/loginThrottle.ts';
import { RoomRegistry } from './collaboration/roomRegistry.ts';
import { collabRoute } from './collaboration/collabRoute.ts';
import { AccessChanges } from './collaboration/accessChanges.ts';
import { followReplacedRecords } from './collaboration/followReplacedRecords.ts';
import { liveDocuments } from './collaboration/liveDocuments.ts';
import { GuideAnnouncements } from './collaboration/guideAnnouncements.ts';
import { sectionSettled } from './collaboration/sectionSettled.ts';
import { AbuseLog } from './collaboration/abuseLog.ts';
import { decideSocketAccess } from './collaboration/socketAccess.ts';
import errorReplies from './plugins/errorReplies.ts';
import { lazySchemaCompilers } from './plugins/lazySchemaCompilers.ts';
import { setPasswordHashCost } from './auth/passwords.ts';
import authentication from './plugins/authentication.ts';
import requestGuards from './plugins/requestGuards.ts';
import security from './plugins/security.ts';
import apiDocs from './plugins/apiDocs.ts';
import clientApp from './plugins/clientApp.ts';
import compression from './plugins/compression.ts';
import { sharedSchemas } from './routes/commonSchemas.ts';
import healthRoute from './routes/health/index.ts';
import guidesRoute from './routes/guides/index.ts';
import sectionsRoute from './routes/sections/index.ts';
import authRoute from './routes/auth/index.ts';
import meRoute from './routes/me/index.ts';
import membersRoute from './routes/members/index.ts';
import threadsRoute from './routes/threads/index.ts';
import suggestionsRoute from './routes/suggestions/index.ts';
import { guideInvitationsRoute, invitationLinksRoute } from './routes/invitations/index.ts';
import workflowRoute from './routes/workflow/index.ts';
import progressRoute from './routes/progress/index.ts';
import notificationsRoute from './routes/notifications/index.ts';
import exportRoute from './routes/export/index.ts';
import { loadGuideImage } from './export/loadGuideImage.ts';
import versionsRoute from './routes/versions/index.ts';
import imagesRoute from './routes/images/index.ts';
import { ImageStore } from './images/imageStore.ts';
import type { GuideImages } from './images/guideImages.ts';
import { seedDemoIfEmpty } from './demo/seedDemo.ts';
import importRoute from './routes/import/index.ts';
import { importWireSchemas } from './routes/import/schemas.ts';
import { ImportJournal } from './import/importJournal.ts';
import { DocumentsAfterCommit } from './import/documentsAfterCommit.ts';
import { importRecovery } from './import/importRecovery.ts';
import { HeldDocStore } from './storage/heldDocStore.ts';
import { importLimits } from './import/importLimits.ts';
import type { ImportContext } from './import/importContext.ts';
import { importImagesFromStore } from './import/importImagesFromStore.ts';
import { isContentLocked } from '@dalil/shared';
import { purgeTrashedGuides } from './guides/purgeTrashedGuides.ts';

export interface DalilApp {
  app: FastifyInstance;
  guides: GuideRepository;
  accounts: AccountRepository;
  members: MemberRepository;
  threads: ThreadRepository;
  registry: RoomRegistry;
  docStore: DocStore;
  metadata: MetadataStore;
  notifications: NotificationRepository;
  workflow: WorkflowRepository;
  versions: VersionStore;
  snapshots: SnapshotStore;
  /** Guide images, for the image use cases (`images/storeImage.ts`...) without HTTP. */
  images: GuideImages;
  /** Resolves once the documents of the imports committed so far are written (benchmarks, tests). */
  importsWritten(): Promise<void>;
}

export interface BuildOptions {
  /** Replaces the embedded document store (tests inject faults through this). */
  docStore?: (dir: string, logger: FastifyInstance['log']) => DocStore;
}

/** Builds the whole server without listening; `server.ts` listens, tests call this directly. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<DalilApp> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  mkdirSync(config.filesDir, { recursive: true, mode: 0o700 });
  setPasswordHashCost(config.passwordHashLog2N);
  // The data dir holds this node's own files (admin socket, import journals) in every mode.
  const releaseLock = acquireDataDirLock(config.dataDir);
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.maxBodyBytes,
    // Fastify types each form of trustProxy in its own overload; the union is one of them at run time.
    trustProxy: config.trustProxy as string,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    schemaController: lazySchemaCompilers(),
  });
  let storage: Storage | undefined;
  try {
    storage = await openStorage(config, app.log, options.docStore ? (dir) => options.docStore!(dir, app.log) : undefined);
    const { metadata, secret } = storage;
    // An imported guide's sections are held here while their documents are written after its commit.
    const docStore = new HeldDocStore(storage.docStore);
    const guides = new GuideRepository(metadata);
    const accounts = new AccountRepository(metadata);
    const members = new MemberRepository(metadata);
    const threads = new ThreadRepository(metadata, guides);
    const suggestions = new SuggestionRepository(metadata, guides);
    const notifications = new NotificationRepository(metadata);
    const workflow = new WorkflowRepository(metadata);
    const snapshotsDir = join(config.filesDir, SNAPSHOTS_DIR);
    mkdirSync(snapshotsDir, { recursive: true, mode: 0o700 });
    const snapshots = new SnapshotStore(snapshotsDir);
    const versions = new VersionStore(join(config.filesDir, VERSIONS_DIR), storage.versionManifests);
    await versions.init();
    const access = new GuideAccess(guides, members);
    const images: GuideImages = {
      store: new ImageStore(join(config.filesDir, IMAGES_DIR), storage.imageIndex),
      limits: { maxBytes: config.imageMaxBytes, maxPixels: config.imageMaxPixels },
      guides,
    };
    // Announcements reach guide rooms the registry has loaded; the registry is made just below.
    const announcements = new GuideAnnouncements((name) => registry.get(name));
    let cluster: RedisCluster | null = null;
    const registry = new RoomRegistry(
      docStore,
      {
        roomLifecycle: { loaded: (room) => cluster?.attach(room), unloading: (room) => cluster?.detach(room) },
        unloadDelayMs: config.unloadDelayMs,
        settleDelayMs: config.settleDelayMs,
        onSectionSettled: sectionSettled({ guides, threads, announcements, log: app.log }),
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

    const accessChanges = new AccessChanges({
      isSessionLive: (tokenHash) => accounts.findSession(tokenHash) !== null,
      applySectionLock: (docName, locked) => registry.setSectionLocked(docName, locked),
    });
    accounts.onSessionsEnded((tokenHashes) => accessChanges.sessionsEnded(tokenHashes));
    metadata.onReplaced(followReplacedRecords(accessChanges));
    if (config.redisUrl) {
      if (!storage.sharedMetadata) throw new Error('REDIS_URL joins nodes that share one database: set DATABASE_URL too');
      cluster = joinCluster(config.redisUrl, { metadata: storage.sharedMetadata, announcements, accessChanges }, app.log);
      await cluster.start();
    }
    const joined = cluster;
    const importImages = importImagesFromStore(images);
    // An import killed before its metadata write left documents (and images) nobody names: gone now;
    // one killed after it left documents to write: written now.
    const journal = new ImportJournal(
      join(config.dataDir, IMPORTS_DIR),
      importRecovery({
        guideExists: (guideId) => guides.findGuide(guideId) !== undefined,
        docIsReferenced: (docName) => guides.findSectionByDocName(docName) !== undefined,
        deleteGuideImages: (guideId) => importImages.deleteGuide(guideId),
        writeImageFiles: (files) => images.store.writeFiles(files),
        docStore: docStore.inner,
      }),
    );
    const unfinishedImports = await journal.settleAll();
    if (unfinishedImports > 0) app.log.warn({ imports: unfinishedImports }, 'settled unfinished imports (undone, or finished when committed)');
    const documentsAfterCommit = storage.kind === 'embedded' ? new DocumentsAfterCommit(docStore, journal, app.log) : null;
    if (storage.kind === 'embedded') {
      // After the journals: a committed import's pictures are listed by then, an undone one's are not.
      await images.store.deleteUnlistedFiles().then(
        (deleted) => deleted > 0 && app.log.info({ deleted }, 'deleted image files no guide lists (imports that did not commit)'),
        (err: unknown) => app.log.error({ err }, 'image files no guide lists were kept'),
      );
    }


    // Validated sections stay locked across restarts, and trashed ones stay read-only.
    for (const { sections } of metadata.guides()) {
      for (const section of sections) {
        if (isContentLocked(section.status) || section.deletedAt !== null) registry.setSectionLocked(section.docName, true);
      }
    }

    // Guides whose trash period ended while the server was down go now, then every interval.
    const purgeDeps = {
      guides,
      deleteDoc: (docName: string) => docStore.delete(docName),
      deleteSnapshots: (sectionId: string) => snapshots.forgetSection(sectionId),
      deleteImages: (guideId: string) => importImages.deleteGuide(guideId),
    };
    const purge = async () => {
      const purged = await purgeTrashedGuides(purgeDeps, config.guideTrashDays);
      if (purged.length > 0) app.log.info({ guides: purged }, 'purged guides whose trash period ended');
    };
    await purge();
    const purgeTimer = setInterval(() => void purge().catch((err: unknown) => app.log.error(err, 'purging trashed guides failed')), config.guidePurgeIntervalMs);
    purgeTimer.unref();
    app.addHook('onClose', async () => clearInterval(purgeTimer));

    if (config.demo) await seedDemoIfEmpty({ guides, accounts, members, threads, docStore, images }, app.log);

    for (const schema of [...sharedSchemas, ...importWireSchemas]) app.addSchema(schema);
    await app.register(errorReplies);
    await app.register(security, { requestsPerMinute: config.requestsPerMinute });
    // before every route and the static files: its reply hook must see them all
    await app.register(compression);
    await app.register(authentication, { accounts });
    await app.register(requestGuards, { secret, publicOrigin: config.publicOrigin });
    await app.register(apiDocs);
    const abuseLog = new AbuseLog();
    await app.register(websocket, {
      options: { maxPayload: config.maxMessageBytes },
      // Protocol errors on a socket (oversized or invalid frames; ws has already sent the close
      // code) are a client's doing: one rate-limited line without a stack trace, not an error.
      errorHandler: (error, socket, request) => {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code.startsWith('WS_ERR_')) {
          abuseLog.note(request.log, socket, { doc: request.url, kind: 'frame', detail: error.message });
        } else if (code === 'ECONNRESET' || code === 'EPIPE') {
          // A connection dropped mid-write: the daily life of weak networks.
          request.log.debug({ code }, 'socket reset by the client');
        } else {
          request.log.error(error);
        }
        socket.terminate();
      },
    });
    const live = liveDocuments(registry, announcements, accessChanges);
    const services = {
      guides,
      accounts,
      members,
      threads,
      suggestions,
      access,
      live,
      secret,
      loginThrottle: new LoginThrottle(),
      loginRatePerMinute: config.loginRatePerMinute,
      notifications,
      workflow,
      snapshots,
      versions,
      metadata,
      guideTrashDays: config.guideTrashDays,
    };
    await app.register(healthRoute, { prefix: '/api/health' });
    await app.register(authRoute, { prefix: '/api/auth', ...services });
    await app.register(meRoute, { prefix: '/api/me', ...services });
    await app.register(notificationsRoute, { prefix: '/api/me/notifications', ...services });
    await app.register(guidesRoute, { prefix: '/api/guides', ...services });
    const importing: ImportContext = { guides, docStore, live, journal, documentsAfterCommit, images: importImages, limits: importLimits(config.importMaxBytes), log: app.log };
    await app.register(importRoute, { prefix: '/api/guides', ...services, importing });
    await app.register(sectionsRoute, { prefix: '/api/guides/:guideId', ...services });
    await app.register(membersRoute, { prefix: '/api/guides/:guideId', ...services });
    await app.register(workflowRoute, { prefix: '/api/guides/:guideId', ...services });
    await app.register(progressRoute, { prefix: '/api/guides/:guideId', ...services });
    await app.register(threadsRoute, { prefix: '/api/guides/:guideId', ...services });
    await app.register(suggestionsRoute, { prefix: '/api/guides/:guideId', ...services, images: images.store });
    const exportServices = {
      chromiumPath: config.chromiumPath,
      sources: {
        findGuide: (id: string) => guides.findGuide(id),
        listSections: (id: string) => guides.listSections(id),
        readSection: live.readSection,
        loadImage: (guideId: string, imageId: string) => loadGuideImage(images, guideId, imageId),
      },
      versions: {
        findVersion: (guideId: string, versionId: string) => versions.findVersion(guideId, versionId),
        content: (hash: string) => versions.content(hash),
        loadImage: (guideId: string, imageId: string) => loadGuideImage(images, guideId, imageId),
      },
    };
    await app.register(exportRoute, { prefix: '/api/guides/:guideId', ...services, exportServices });
    await app.register(versionsRoute, { prefix: '/api/guides/:guideId', ...services });
    await app.register(imagesRoute, { prefix: '/api/guides/:guideId', access, images });
    await app.register(guideInvitationsRoute, { prefix: '/api/guides/:guideId', ...services });
    await app.register(invitationLinksRoute, { prefix: '/api/invitations', ...services });
    await app.register(collabRoute, {
      registry,
      accessChanges,
      abuseLog,
      decideAccess: (request, docName) => decideSocketAccess(request, docName, { guides, access, publicOrigin: config.publicOrigin }),
      pingIntervalMs: config.pingIntervalMs,
    });
    await app.register(clientApp, { root: config.clientDist });
    await app.register(adminSocket, { dataDir: config.dataDir, accounts });

    // Sockets are closed by @fastify/websocket before this runs; then every queued update is
    // durable before the process may exit.
    const opened = storage;
    // Before requests are drained: one waiting for an imported section that cannot be written must not hold the close.
    app.addHook('preClose', async () => {
      await documentsAfterCommit?.close();
    });
    app.addHook('onClose', async () => {
      // An import answered while closing may have started writing after preClose.
      await documentsAfterCommit?.idle();
      await registry.flushAll();
      await joined?.close();
      await opened.close();
      releaseLock();
    });

    return {
      app,
      guides,
      accounts,
      members,
      threads,
      registry,
      docStore,
      metadata,
      notifications,
      workflow,
      versions,
      snapshots,
      images,
      importsWritten: () => documentsAfterCommit?.idle() ?? Promise.resolve(),
    };
  } catch (err) {
    await app.close().catch(() => {});
    await storage?.close().catch(() => {});
    releaseLock();
    throw err;
  }
}
