import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSection, restoreSection, trashSection, updateSection } from '../api/sections.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import type { Move } from './tocMoves.ts';
import { siblingsOf, type TocNode, type TocTree } from './tocTree.ts';
import { apiErrorDetail } from '../i18n/apiErrorMessage.ts';

export interface TocActions {
  add: (parentId: string | null, title: string) => Promise<void>;
  rename: (node: TocNode, title: string) => Promise<void>;
  move: (tree: TocTree, node: TocNode, move: Move) => Promise<void>;
  trash: (node: TocNode) => Promise<void>;
  restore: (sectionId: string, title: string) => Promise<void>;
  error: string | null;
  /** Section whose ToC link should get focus once the refreshed list renders. */
  focusRequest: React.RefObject<string | null>;
}

/**
 * Structure changes from the table of contents: call the API, refresh the guide, tell screen
 * readers what happened. Other clients learn of the change through the guide room.
 */
export function useTocActions(guideId: string, refresh: () => Promise<void>): TocActions {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const focusRequest = useRef<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<string | null>): Promise<void> => {
      setError(null);
      try {
        const message = await action();
        await refresh();
        if (message) announce(message);
      } catch (err) {
        const message = t('toc.actionError', { message: apiErrorDetail(err, t) });
        setError(message);
        announce(message);
        await refresh().catch(() => undefined);
      }
    },
    [announce, refresh, t],
  );

  const add = useCallback(
    (parentId: string | null, title: string) =>
      run(async () => {
        const section = await createSection(guideId, { title, parentId });
        focusRequest.current = section.id;
        return t('toc.announceAdded', { title: section.title });
      }),
    [guideId, run, t],
  );

  const rename = useCallback(
    (node: TocNode, title: string) =>
      run(async () => {
        focusRequest.current = node.section.id;
        const section = await updateSection(guideId, node.section.id, { title });
        return t('toc.announceRenamed', { title: section.title });
      }),
    [guideId, run, t],
  );

  const move = useCallback(
    (tree: TocTree, node: TocNode, target: Move) =>
      run(async () => {
        focusRequest.current = node.section.id;
        const section = await updateSection(guideId, node.section.id, target);
        const parent = target.parentId ? tree.byId.get(target.parentId) : undefined;
        const sameParent = (node.parent?.section.id ?? null) === target.parentId;
        const total = sameParent ? siblingsOf(tree, node).length : (parent ? parent.children.length : tree.roots.length) + 1;
        return t('toc.announceMoved', {
          title: section.title,
          position: section.position + 1,
          total,
          level: parent ? parent.level + 1 : 1,
        });
      }),
    [guideId, run, t],
  );

  const trash = useCallback(
    (node: TocNode) =>
      run(async () => {
        const neighbour = node.parent?.section.id ?? null;
        focusRequest.current = neighbour;
        await trashSection(guideId, node.section.id);
        return t('toc.announceDeleted', { title: node.section.title });
      }),
    [guideId, run, t],
  );

  const restore = useCallback(
    (sectionId: string, title: string) =>
      run(async () => {
        focusRequest.current = sectionId;
        await restoreSection(guideId, sectionId);
        return t('toc.announceRestored', { title });
      }),
    [guideId, run, t],
  );

  return { add, rename, move, trash, restore, error, focusRequest };
}
