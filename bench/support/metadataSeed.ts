import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** What a seeded data dir (or database) holds, for the scenario to act on. */
export interface SeededMetadata {
  guideIds: string[];
  /** Per guide: one thread to reply to, and a member to mention (so a notification file is written too). */
  threadOf: Map<string, string>;
  mentionOf: Map<string, string>;
  /** Characters of JSON in the guide, threads and workflow records. */
  bytes: number;
  /** Per guide: characters of JSON of its guide record (what creating a section rewrites). */
  guideBytes: Map<string, number>;
  notifications: number;
}

/** One metadata record as the server keeps it: a file `metadata/<dir>/<id>.json`, or a row of `metadata_records`. */
export interface SeedRecord {
  kind: 'accounts' | 'guide' | 'threads' | 'workflow' | 'notifications';
  id: string;
  data: unknown;
}

export interface SeedOptions {
  /** People besides the benchmark account (default 30); each guide has three of them as members. */
  people?: number;
  /** Notifications already in each person's record (the server keeps at most 200 per person). */
  notificationsPerPerson?: number;
  /** Sections of guide `g` (default: `sections` spread evenly over the guides). */
  sectionsOf?: (g: number) => number;
}

const id = (prefix: string) => prefix + randomBytes(10).toString('hex').slice(0, 14);
const DIR_OF = { guide: 'guides', threads: 'threads', workflow: 'workflow', notifications: 'notifications' } as const;

/**
 * Writes the records of `seedRecords` into a data dir that has the benchmark account (written by
 * the admin CLI) and no server running.
 */
export function seedMetadata(dataDir: string, guides: number, sections: number, benchEmail: string, options: SeedOptions = {}): SeededMetadata {
  const accountsPath = join(dataDir, 'metadata', 'accounts.json');
  const accounts = JSON.parse(readFileSync(accountsPath, 'utf8')) as Accounts;
  const { records, seeded } = seedRecords(accounts, guides, sections, benchEmail, options);
  for (const r of records) {
    const path = r.kind === 'accounts' ? accountsPath : join(dataDir, 'metadata', DIR_OF[r.kind], `${r.id}.json`);
    writeFileSync(path, JSON.stringify(r.data));
  }
  return seeded;
}

interface Accounts {
  users: Array<{ id: string; email: string }>;
}

/**
 * The records of `guides` guides holding `sections` sections in all, added to `accounts` (which holds
 * the benchmark account, as the admin CLI wrote it; returned changed): the metadata a few dozen
 * organisations' guides reach after months. Per section, the records a guide in use has: a
 * comment thread with replies on one section in four, two workflow transitions on one in two.
 * The benchmark account coordinates every guide; three other people are members of each.
 */
export function seedRecords(accounts: Accounts, guides: number, sections: number, benchEmail: string, options: SeedOptions = {}): { records: SeedRecord[]; seeded: SeededMetadata } {
  const bench = accounts.users.find((u) => u.email === benchEmail);
  if (!bench) throw new Error(`no ${benchEmail} in the accounts record`);
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const people = Array.from({ length: options.people ?? 30 }, (_, i) => ({
    id: id('u'),
    email: `membre${i}@dalil.test`,
    name: `Membre ${i}`,
    passwordHash: 'scrypt$unused',
    createdAt: at,
  }));
  accounts.users.push(...people);
  const out: SeedRecord[] = [{ kind: 'accounts', id: 'accounts', data: accounts }];

  const seeded: SeededMetadata = { guideIds: [], threadOf: new Map(), mentionOf: new Map(), bytes: 0, guideBytes: new Map(), notifications: 0 };
  for (let g = 0; g < guides; g++) {
    const guideId = id('g');
    const members = [0, 1, 2].map((k) => people[(g * 3 + k) % people.length]!.id);
    const records = {
      schemaVersion: 2,
      guide: {
        id: guideId,
        title: `Guide pratique de la commune ${g + 1}`,
        language: 'fr',
        structureVersion: 1,
        requireResolvedThreads: true,
        numbering: { enabled: true, unnumberedSectionIds: [] },
        createdAt: at,
        updatedAt: at,
      },
      sections: [] as object[],
      memberships: [
        { guideId, userId: bench.id, role: 'coordinator', createdAt: at },
        ...members.map((userId, k) => ({ guideId, userId, role: (['author', 'reviewer', 'contributor'] as const)[k], createdAt: at })),
      ],
      invitations: [],
      workflowEvents: [] as object[],
      threads: [] as object[],
    };
    const count = options.sectionsOf ? options.sectionsOf(g) : Math.floor(sections / guides) + (g < sections % guides ? 1 : 0);
    let chapter: string | null = null;
    let position = 0;
    for (let s = 0; s < count; s++) {
      const sectionId = id('s');
      const top = s % 10 === 0;
      if (top) position = 0;
      records.sections.push({
        id: sectionId,
        guideId,
        title: top ? `Chapitre ${s / 10 + 1} : la participation citoyenne` : `Section ${s + 1} : étapes et acteurs`,
        parentId: top ? null : chapter,
        position: top ? s / 10 : position++,
        status: s % 2 ? 'review' : 'draft',
        docName: sectionId,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        deletionId: null,
        authorIds: [members[0]],
        reviewerIds: [members[1]],
        wordCount: 1200 + s,
        dueDate: null,
        editedAt: at,
      });
      if (top) chapter = sectionId;
      if (s % 2) {
        for (const [from, to] of [['draft', 'review'], ['review', 'draft'], ['draft', 'review']]) {
          records.workflowEvents.push({ id: id('w'), guideId, sectionId, from, to, actorId: members[0], note: null, createdAt: at, snapshotId: id('p') });
        }
      }
      if (s % 4 === 0) {
        const threadId = id('t');
        const message = (authorId: string, body: string) => ({ id: id('m'), authorId, body, mentions: [], createdAt: at, editedAt: null, deletedAt: null });
        records.threads.push({
          id: threadId,
          guideId,
          sectionId,
          status: 'open',
          quote: 'le conseil municipal adopte le plan après la concertation',
          detached: false,
          createdBy: members[2],
          createdAt: at,
          updatedAt: at,
          resolvedBy: null,
          resolvedAt: null,
          messages: [
            message(members[2]!, 'Faut-il préciser le délai légal de publication ?'),
            message(members[0]!, 'Oui, trente jours ; je le cite avec la référence du décret.'),
          ],
        });
        if (!seeded.threadOf.has(guideId)) seeded.threadOf.set(guideId, threadId);
      }
    }
    // the records MetadataStore reads: the guide, its threads, its workflow
    const { threads, workflowEvents, ...main } = records;
    for (const [kind, data] of [['guide', main], ['threads', { schemaVersion: 2, threads }], ['workflow', { schemaVersion: 2, workflowEvents }]] as const) {
      const length = JSON.stringify(data).length;
      seeded.bytes += length;
      if (kind === 'guide') seeded.guideBytes.set(guideId, length);
      out.push({ kind, id: guideId, data });
    }
    seeded.guideIds.push(guideId);
    seeded.mentionOf.set(guideId, members[0]!);
  }
  // Each person's notifications, about the first guide they are a member of (person p is member k of guide ⌊p/3⌋).
  const perPerson = options.notificationsPerPerson ?? 0;
  if (perPerson > 0) {
    people.forEach((person, p) => {
      const guideId = seeded.guideIds[Math.floor(p / 3) % seeded.guideIds.length]!;
      const notifications = Array.from({ length: perPerson }, (_, k) => ({
        id: id('n'),
        userId: person.id,
        guideId,
        sectionId: null,
        threadId: seeded.threadOf.get(guideId) ?? null,
        kind: 'mention',
        actorId: bench.id,
        note: `Remarque ${k + 1} sur le calendrier de la concertation.`,
        createdAt: at,
        readAt: k % 3 ? at : null,
      }));
      seeded.notifications += notifications.length;
      out.push({ kind: 'notifications', id: person.id, data: { schemaVersion: 2, notifications } });
    });
  }
  return { records: out, seeded };
}
