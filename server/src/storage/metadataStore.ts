import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { Guide, Invitation, Membership, Notification, Section, Session, Thread, User, WorkflowEvent } from '@dalil/shared';
import { writeFileDurably } from './durableFile.ts';

export interface MetadataSchema {
  schemaVersion: 1;
  guides: Guide[];
  sections: Section[];
  users: User[];
  sessions: Session[];
  memberships: Membership[];
  invitations: Invitation[];
  /** Every workflow transition, oldest first (the sections' history). */
  workflowEvents: WorkflowEvent[];
  notifications: Notification[];
  threads: Thread[];
}

const emptyMetadata = (): MetadataSchema => ({
  schemaVersion: 1,
  guides: [],
  sections: [],
  users: [],
  sessions: [],
  memberships: [],
  invitations: [],
  workflowEvents: [],
  notifications: [],
  threads: [],
});

/** lowdb adapter that writes the way DocStore snapshots do: temp file, fsync, rename, fsync dir. */
class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly path: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`metadata file ${this.path} cannot be read: ${(err as Error).message}`);
    }
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.path, JSON.stringify(data));
  }
}

/**
 * Accounts and sessions, guides, sections, members, invitations, comment threads, workflow history
 * and notifications, in one lowdb JSON file.
 *
 * Every change goes through `mutate`, which applies it synchronously (so no read-modify-write
 * spans an await and concurrent requests cannot lose each other's changes) and resolves once a
 * write that includes it is on disk. Writes in flight coalesce: a burst of changes costs at most
 * two file writes.
 */
export class MetadataStore {
  private writing: Promise<void> | null = null;
  private dirty = false;
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];

  private constructor(private readonly db: Low<MetadataSchema>) {}

  static async open(path: string): Promise<MetadataStore> {
    const db = new Low<MetadataSchema>(new DurableJsonFile<MetadataSchema>(path), emptyMetadata());
    await db.read();
    db.data = { ...emptyMetadata(), ...db.data };
    for (const guide of db.data.guides) {
      guide.requireResolvedThreads ??= true;
      guide.numbering ??= { enabled: true, unnumberedSectionIds: [] };
      guide.archivedAt ??= null;
      guide.deletedAt ??= null;
    }
    for (const invitation of db.data.invitations) {
      invitation.label ??= null;
      invitation.usedBy ??= [];
    }
    for (const section of db.data.sections) {
      section.authorIds ??= [];
      section.reviewerIds ??= [];
      section.wordCount ??= 0;
      section.dueDate ??= null;
      section.editedAt ??= null;
    }
    return new MetadataStore(db);
  }

  /** Read-only view; change it only through `mutate`. */
  get data(): Readonly<MetadataSchema> {
    return this.db.data;
  }

  mutate<T>(change: (data: MetadataSchema) => T): Promise<T> {
    const result = change(this.db.data);
    return this.persist().then(() => result);
  }

  /** Resolves when everything changed so far is on disk (the write loop runs until nothing is dirty). */
  flush(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  private persist(): Promise<void> {
    this.dirty = true;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.writing) this.writing = this.writeLoop();
    return done;
  }

  private async writeLoop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const waiters = this.waiters;
      this.waiters = [];
      try {
        await this.db.write();
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.writing = null;
  }
}
