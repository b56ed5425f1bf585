import type { Guide, GuideRole, GuideView, Section, SectionView, TrashedSectionView, User, UserView } from '@dalil/shared';
import { allowedActions, guideRoomName, guideState } from '@dalil/shared';

/** Shapes the API returns, built from stored entities (never the stored objects themselves). */
export function sectionView(s: Section): SectionView {
  return {
    id: s.id,
    title: s.title,
    parentId: s.parentId,
    position: s.position,
    status: s.status,
    docName: s.docName,
    updatedAt: s.updatedAt,
    authorIds: [...s.authorIds],
    reviewerIds: [...s.reviewerIds],
    wordCount: s.wordCount,
    numbered: { figure: 0, table: 0, footnote: 0, ...s.numbered },
    dueDate: s.dueDate,
  };
}

export function trashedSectionView(s: Section): TrashedSectionView {
  return { ...sectionView(s), deletedAt: s.deletedAt ?? '', deletionId: s.deletionId ?? '' };
}

export function guideView(guide: Guide, sections: Section[], role: GuideRole, trashDays: number, contentVersion: number | null): GuideView {
  return {
    id: guide.id,
    title: guide.title,
    language: guide.language,
    state: guideState(guide),
    archivedAt: guide.archivedAt,
    trashDays,
    roomName: guideRoomName(guide.id),
    structureVersion: guide.structureVersion,
    contentVersion,
    requireResolvedThreads: guide.requireResolvedThreads,
    numbering: guide.numbering,
    sections: sections.map(sectionView),
    role,
    permissions: allowedActions(role, guideState(guide)),
  };
}

export function userView(u: User): UserView {
  return { id: u.id, email: u.email, name: u.name };
}
