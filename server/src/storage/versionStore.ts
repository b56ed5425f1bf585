import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GuideLanguage, GuideNumbering, SectionStatus } from '@dalil/shared';
import type { VersionKind } from '@dalil/shared/api/versions.ts';
import type { LayoutNode } from '@dalil/shared/editor';
import { fsyncDir, writeFileDurably } from './durableFile.ts';
import { VERSION_CONTENTS, VERSION_FILE_EXT, VERSION_MANIFESTS } from './dataDirLayout.ts';

/** One section as a version froze it. */
export interface FrozenSection {
  id: string;
  title: string;
  parentId: string | null;
  position: number;
  depth: number;
  status: SectionStatus;
  needsValidation: boolean;
  /** SHA-256 (hex) of the content file. */
  contentHash: string;
  /** The approved snapshot the content was taken from (validated sections), else null. */
  snapshotId: string | null;
}

/** Everything a version is, apart from section contents (stored once each, by hash). */
export interface VersionManifest {
  id: string;
  guideId: string;
  kind: VersionKind;
  label: string | null;
  note: string | null;
  authorId: string;
  createdAt: string;
  guideTitle: string;
  language: GuideLanguage;
  sections: FrozenSection[];
  notValidated: string[];
  /** The guide's numbering when the version was made (absent in versions made before it was kept: numbered). */
  numbering?: GuideNumbering;
}

/** What a section's content file holds (see `contentViewJson`). */
export interface ContentView {
  blocks: string[];
  layout: LayoutNode;
}

export const hashContent = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Where version manifests are kept: files beside the contents (embedded), or rows of PostgreSQL
 * (production: every node sees a version the moment another made it).
 */
export interface VersionManifests {
  save(manifest: VersionManifest, json: string): Promise<void>;
  /** A guide's versions, newest first. */
  list(guideId: string): Promise<VersionManifest[]>;
  find(versionId: string): Promise<VersionManifest | undefined>;
}

export const newestFirst = (a: VersionManifest, b: VersionManifest) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** Manifests as files (`manifests/<versionId>.json`); small and immutable, so cached once read. */
export class FileVersionManifests implements VersionManifests {
  private manifests: Map<string, VersionManifest> | null = null;
  private loading: Promise<Map<string, VersionManifest>> | null = null;

  constructor(private readonly dir: string) {}

  async save(manifest: VersionManifest, json: string): Promise<void> {
    await writeFileDurably(join(this.dir, manifest.id + VERSION_FILE_EXT), json);
    (await this.all()).set(manifest.id, manifest);
  }

  async list(guideId: string): Promise<VersionManifest[]> {
    return [...(await this.all()).values()].filter((m) => m.guideId === guideId).sort(newestFirst);
  }

  async find(versionId: string): Promise<VersionManifest | undefined> {
    return (await this.all()).get(versionId);
  }

  /** Every manifest, by id (the migration to PostgreSQL copies them). */
  all(): Promise<Map<string, VersionManifest>> {
    if (this.manifests) return Promise.resolve(this.manifests);
    this.loading ??= this.readAll().then((m) => (this.manifests = m));
    return this.loading;
  }

  private async readAll(): Promise<Map<string, VersionManifest>> {
    const out = new Map<string, VersionManifest>();
    for (const file of await readdir(this.dir)) {
      if (!file.endsWith(VERSION_FILE_EXT)) continue; // an interrupted write's temp file
      const manifest = JSON.parse(await readFile(join(this.dir, file), 'utf8')) as VersionManifest;
      out.set(manifest.id, manifest);
    }
    return out;
  }
}

/**
 * Versions, content-addressed. A manifest is written last (after every content file it names is
 * durable) and never rewritten: a version exists once its manifest exists, and is immutable.
 * Content files are named by their hash, so a section unchanged between two versions costs nothing
 * the second time (and several nodes writing the same one write the same bytes).
 */
export class VersionStore {
  private readonly manifests: VersionManifests;

  constructor(
    private readonly dir: string,
    manifests?: VersionManifests,
  ) {
    this.manifests = manifests ?? new FileVersionManifests(this.manifestsDir);
  }

  private get manifestsDir(): string {
    return join(this.dir, VERSION_MANIFESTS);
  }

  private get contentsDir(): string {
    return join(this.dir, VERSION_CONTENTS);
  }

  async init(): Promise<void> {
    await mkdir(this.manifestsDir, { recursive: true, mode: 0o700 });
    await mkdir(this.contentsDir, { recursive: true, mode: 0o700 });
    await fsyncDir(this.dir);
  }

  /** Stores a content file unless the same content is already there; returns its hash and bytes written. */
  async putContent(bytes: Uint8Array | string): Promise<{ hash: string; written: number }> {
    const hash = hashContent(bytes);
    const path = join(this.contentsDir, hash + VERSION_FILE_EXT);
    if (await exists(path)) return { hash, written: 0 };
    await writeFileDurably(path, bytes);
    return { hash, written: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength };
  }

  async saveManifest(manifest: VersionManifest): Promise<number> {
    const json = JSON.stringify(manifest);
    await this.manifests.save(manifest, json);
    return Buffer.byteLength(json);
  }

  /** A guide's versions, newest first. */
  listVersions(guideId: string): Promise<VersionManifest[]> {
    return this.manifests.list(guideId);
  }

  async findVersion(guideId: string, versionId: string): Promise<VersionManifest | undefined> {
    const manifest = await this.manifests.find(versionId);
    return manifest?.guideId === guideId ? manifest : undefined;
  }

  /** The exact bytes of a content file. */
  contentBytes(hash: string): Promise<Buffer> {
    return readFile(join(this.contentsDir, hash + VERSION_FILE_EXT));
  }

  async content(hash: string): Promise<ContentView> {
    return JSON.parse((await this.contentBytes(hash)).toString('utf8')) as ContentView;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
