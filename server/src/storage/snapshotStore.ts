import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayoutNode } from '@dalil/shared/editor';
import { fsyncDir, writeFileDurably } from './durableFile.ts';
import { APPROVED_STATE_EXT, APPROVED_VIEW_EXT } from './dataDirLayout.ts';

/** What a validation keeps of a section: the version that goes to layout. */
export interface ApprovedContent {
  /** The whole Y.Doc state as one Yjs update (can rebuild the document exactly). */
  update: Uint8Array;
  /** Plain text, one entry per block: what later versions are compared with. */
  blocks: string[];
  /** ProseMirror JSON without comment anchors: the layout version. */
  layout: LayoutNode;
}

/**
 * The one encoding of a section's text and layout on disk: approved snapshots and guide versions
 * write the same bytes for the same content, so a version can hold a snapshot byte for byte and an
 * unchanged section hashes the same whether it was read live or from its snapshot.
 */
export function contentViewJson(content: Pick<ApprovedContent, 'blocks' | 'layout'>): string {
  return JSON.stringify({ blocks: content.blocks, layout: content.layout });
}

/**
 * Approved snapshots, one pair of files per validation under `<dataDir>/snapshots/<sectionId>/`,
 * written durably and never rewritten: content bodies stay out of the metadata file, which is
 * rewritten whole on every change.
 */
export class SnapshotStore {
  constructor(private readonly dir: string) {}

  async save(sectionId: string, snapshotId: string, content: ApprovedContent): Promise<void> {
    const sectionDir = join(this.dir, sectionId);
    await mkdir(sectionDir, { recursive: true, mode: 0o700 });
    // the new directory entries must survive a crash too
    await fsyncDir(this.dir);
    await writeFileDurably(join(sectionDir, snapshotId + APPROVED_STATE_EXT), content.update);
    await writeFileDurably(join(sectionDir, snapshotId + APPROVED_VIEW_EXT), contentViewJson(content));
  }

  /** Deletes every snapshot of a section (its guide was purged from the trash). */
  async forgetSection(sectionId: string): Promise<void> {
    await rm(join(this.dir, sectionId), { recursive: true, force: true });
  }

  /** The exact bytes of a snapshot's text and layout file (what versions hold), or null when missing. */
  async loadViewBytes(sectionId: string, snapshotId: string): Promise<Buffer | null> {
    try {
      return await readFile(join(this.dir, sectionId, snapshotId + APPROVED_VIEW_EXT));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** The text and layout of a snapshot, or null when its files are missing. */
  async loadText(sectionId: string, snapshotId: string): Promise<Pick<ApprovedContent, 'blocks' | 'layout'> | null> {
    try {
      const parsed = JSON.parse(await readFile(join(this.dir, sectionId, snapshotId + APPROVED_VIEW_EXT), 'utf8')) as Pick<ApprovedContent, 'blocks' | 'layout'>;
      return { blocks: parsed.blocks, layout: parsed.layout };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
}
