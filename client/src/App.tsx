import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AnnouncerProvider } from './components/Announcer.tsx';
import { loadSession, useSession } from './identity/currentUser.ts';
import { GuideListPage } from './pages/GuideListPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { usePathname } from './routing/history.ts';
import { parseRoute } from './routing/routes.ts';

// The guide workspace carries TipTap and Yjs (most of the JavaScript): load it only when needed.
const GuidePage = lazy(() => import('./pages/GuidePage.tsx'));

export function App() {
  const session = useSession();
  useEffect(() => void loadSession(), []);
  if (session.kind === 'loading') return null; // one quick GET /api/me; nothing worth a spinner
  if (session.kind !== 'signedIn') return <LoginPage problem={session.kind === 'error' ? session.message : undefined} />;
  return <SignedInApp />;
}

function SignedInApp() {
  const { t } = useTranslation();
  const pathname = usePathname();
  const route = parseRoute(pathname);
  useFocusOnNavigation(route.name === 'guide' ? route.guideId : pathname);

  return (
    <AnnouncerProvider>
      {route.name === 'guides' && <GuideListPage />}
      {route.name === 'guide' && (
        <Suspense fallback={<p className="page muted" role="status">{t('guide.loading')}</p>}>
          <GuidePage key={route.guideId} guideId={route.guideId} sectionId={route.sectionId} />
        </Suspense>
      )}
      {route.name === 'notFound' && <NotFoundPage />}
    </AnnouncerProvider>
  );
}

/**
 * After an in-app page change, move focus to the new main content as a full page load would
 * (screen readers otherwise stay on the link that was clicked). Section changes inside one guide
 * keep focus in the table of contents, so they do not count.
 */
function useFocusOnNavigation(pageKey: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
  }, [pageKey]);
}
