import type { Guide, GuideView, Section, SectionView, TrashedSectionView } from '@dalil/shared';
import { guideRoomName } from '@dalil/shared';

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
  };
}

export function trashedSectionView(s: Section): TrashedSectionView {
  return { ...sectionView(s), deletedAt: s.deletedAt ?? '', deletionId: s.deletionId ?? '' };
}

export function guideView(guide: Guide, sections: Section[]): GuideView {
  return {
    id: guide.id,
    title: guide.title,
    language: guide.language,
    roomName: guideRoomName(guide.id),
    structureVersion: guide.structureVersion,
    sections: sections.map(sectionView),
  };
}
