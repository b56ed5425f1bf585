import type { LiveDocuments } from '../routes/routeServices.ts';
import type { AccessChanges } from './accessChanges.ts';
import type { RoomRegistry } from './roomRegistry.ts';

/** The facade routes see: documents from the registry, what sockets may do from AccessChanges. */
export function liveDocuments(registry: RoomRegistry, accessChanges: AccessChanges): LiveDocuments {
  return {
    structureChanged: (guideId, version) => registry.structureChanged(guideId, version),
    threadsChanged: (guideId) => registry.threadsChanged(guideId),
    editSection: (guideId, docName, edit) => registry.editSection(guideId, docName, edit),
    nextSectionChange: (docName, timeoutMs) => registry.nextSectionChange(docName, timeoutMs),
    readSection: (docName, guideId, read) => registry.readSection(docName, guideId, read),
    readSections: (guideId, docNames, read) => registry.readSections(guideId, docNames, read),
    disconnectMember: (guideId, userId, reason) => accessChanges.disconnectMember(guideId, userId, reason),
    setSectionLocked: (docName, locked, reason) => accessChanges.setSectionLocked(docName, locked, reason),
  };
}
