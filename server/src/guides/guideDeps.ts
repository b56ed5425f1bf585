import type { GuideRepository } from '../storage/guideRepository.ts';
import type { LiveDocuments } from '../collaboration/liveDocuments.ts';

/** What the guide use cases need: the guides and what open sockets may do. */
export interface GuideDeps {
  guides: GuideRepository;
  live: Pick<LiveDocuments, 'structureChanged' | 'guideStateChanged'>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a guide trashed at `deletedAt` is purged, `trashDays` later. */
export function purgeAt(deletedAt: string, trashDays: number): string {
  return new Date(Date.parse(deletedAt) + trashDays * DAY_MS).toISOString();
}

/** The trash period's start for guides trashed before it: their time is up at `now`. */
export function trashCutoff(now: Date, trashDays: number): string {
  return new Date(now.getTime() - trashDays * DAY_MS).toISOString();
}
