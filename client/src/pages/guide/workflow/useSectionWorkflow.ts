import { useCallback, useEffect, useRef, useState } from 'react';
import type { SectionWorkflowView } from '@dalil/shared';
import { getSectionWorkflow } from '../../../api/workflow.ts';

/**
 * A section's workflow as the server sees it for us: status, history, what we may do, changes
 * since the last validation. Reloaded whenever `version` (the guide's structure version, bumped
 * by every transition) changes; only the newest answer is kept.
 */
export function useSectionWorkflow(guideId: string, sectionId: string, version: number): { view: SectionWorkflowView | null; reload: () => Promise<void> } {
  const [view, setView] = useState<SectionWorkflowView | null>(null);
  const ticket = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++ticket.current;
    try {
      const next = await getSectionWorkflow(guideId, sectionId);
      if (mine === ticket.current) setView(next);
    } catch {
      // offline: keep the last view; the next structure change reloads it
    }
  }, [guideId, sectionId]);
  useEffect(() => {
    void reload();
  }, [reload, version]);
  return { view, reload };
}
