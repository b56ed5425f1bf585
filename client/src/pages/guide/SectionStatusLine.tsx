import type { SectionSession } from '../../collaboration/SectionSession.ts';
import { useSectionStatus } from '../../collaboration/useSectionSession.ts';
import { StatusLine } from '../../components/StatusLine.tsx';
import { useWordCount } from '../../editor/wordCountStore.ts';

/**
 * The open section's status line. Its own component because what it shows (pending changes, live
 * word count) changes while someone types, and nothing else of the section pane should re-render then.
 */
export function SectionStatusLine({ session, sectionId, storedWords }: { session: SectionSession | null; sectionId: string; storedWords: number }) {
  const status = useSectionStatus(session);
  const wordCount = useWordCount(sectionId) ?? storedWords;
  return <StatusLine status={status} wordCount={wordCount} />;
}
