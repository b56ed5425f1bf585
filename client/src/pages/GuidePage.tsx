import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '@dalil/shared/routes';
import { navigate } from '../routing/history.ts';
import { AccessLost, type LostAccess } from './guide/AccessLost.tsx';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { GuideWorkspace } from './guide/GuideWorkspace.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import './guide/guide.css';

interface GuidePageProps {
  guideId: string;
  sectionId: string | null;
}

/** The workspace: table of contents beside the open section. Lazy-loaded with the editor. */
export default function GuidePage({ guideId, sectionId }: GuidePageProps) {
  const { t } = useTranslation();
  // the workspace (and its editor) is built from the kept guide while the fresh one travels
  const { state, refresh } = useGuideView(guideId, { keptFirst: true });
  // set when the server closes our sockets for good: removed (4409) or the guide put in the trash (4410)
  const [removed, setRemoved] = useState<LostAccess | null>(null);

  // readers only read: the guide opens for them as one document
  const readerLanding = state.kind === 'ready' && state.fresh && state.guide.role === 'reader' && sectionId === null;
  useEffect(() => {
    if (readerLanding) navigate(paths.read(guideId), { replace: true });
  }, [readerLanding, guideId]);

  if (removed || state.kind === 'forbidden') return <AccessLost why={removed ?? 'removed'} />;
  if (state.kind !== 'ready' || readerLanding) return <GuideNotReady state={state.kind === 'ready' ? { kind: 'loading' } : state} loadingLabel={t('guide.loading')} />;
  return <GuideWorkspace guide={state.guide} fresh={state.fresh} sectionId={sectionId} refresh={refresh} onRemoved={setRemoved} />;
}
