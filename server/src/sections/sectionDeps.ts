import type { NotificationRepository } from '../storage/notificationRepository.ts';
import type { GuideAccess } from '../auth/guideAccess.ts';
import type { LiveDocuments } from '../collaboration/liveDocuments.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';

/** What the section (table of contents) use cases need; `RouteServices` provides it. */
export interface SectionDeps {
  access: GuideAccess;
  guides: GuideRepository;
  live: LiveDocuments;
  notifications: Pick<NotificationRepository, 'notify'>;
}

/** Every open table of contents of the guide hears of its new structure. */
export function announceStructure(deps: SectionDeps, guideId: string): void {
  deps.live.structureChanged(guideId, deps.guides.getGuide(guideId).structureVersion);
}
