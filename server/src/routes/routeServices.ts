import type { GuideRepository } from '../storage/guideRepository.ts';

/** The one call routes make on live documents: the registry implements it, routes never import it. */
export interface StructureNotifier {
  structureChanged(guideId: string, version: number): void;
}

export interface RouteServices {
  guides: GuideRepository;
  live: StructureNotifier;
}
