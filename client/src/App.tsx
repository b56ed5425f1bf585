import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AnnouncerProvider } from './components/Announcer.tsx';
import { loadSession, useSession } from './identity/currentUser.ts';
import { AccountPage } from './pages/AccountPage.tsx';
import { GuideListPage } from './pages/GuideListPage.tsx';
import { InvitationPage } from './pages/InvitationPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { navigate, usePathname } from './routing/history.ts';
import { pageLoaders } from './routing/lazyPages.ts';
import { parseRoute, type Route } from '@dalil/shared/routes';
import { nextAfterLogin } from './routing/nextAfterLogin.ts';

// The guide workspace carries TipTap and Yjs (most of the JavaScript): load it only when needed.
const GuidePage = lazy(pageLoaders.GuidePage);
const MembersPage = lazy(pageLoaders.MembersPage);
const ProgressPage = lazy(pageLoaders.ProgressPage);
const GuideThreadsPage = lazy(pageLoaders.GuideThreadsPage);
const ReadingPage = lazy(pageLoaders.ReadingPage);
const VersionsPage = lazy(pageLoaders.VersionsPage);
const GuideSettingsPage = lazy(pageLoaders.GuideSettingsPage);

export function App() {
  const session = useSession();
  const route = parseRoute(usePathname());
  useEffect(() => void loadSession(), []);
  if (session.kind === 'loading') return null; // one quick GET /api/me; nothing worth a spinner
  // an invitation link is how people without an account arrive: it works signed in and out
  if (route.name === 'invitation') return <InvitationPage key={route.token} token={route.token} />;
  if (session.kind !== 'signedIn') return <LoginPage problem={session.kind === 'error' ? session.message : undefined} />;
  return <SignedInApp route={route} />;
}

function SignedInApp({ route }: { route: Route }) {
  const { t } = useTranslation();
  useFocusOnNavigation(route.name === 'guide' ? `guide:${route.guideId}` : JSON.stringify(route));
  const loading = <p className="page muted" role="status">{t('guide.loading')}</p>;

  return (
    <AnnouncerProvider>
      {route.name === 'guides' && <GuideListPage />}
      {route.name === 'guide' && (
        <Suspense fallback={loading}>
          <GuidePage key={route.guideId} guideId={route.guideId} sectionId={route.sectionId} />
        </Suspense>
      )}
      {route.name === 'members' && (
        <Suspense fallback={loading}>
          <MembersPage key={route.guideId} guideId={route.guideId} />
        </Suspense>
      )}
      {route.name === 'progress' && (
        <Suspense fallback={loading}>
          <ProgressPage key={route.guideId} guideId={route.guideId} />
        </Suspense>
      )}
      {route.name === 'threads' && (
        <Suspense fallback={loading}>
          <GuideThreadsPage key={route.guideId} guideId={route.guideId} />
        </Suspense>
      )}
      {route.name === 'read' && (
        <Suspense fallback={loading}>
          <ReadingPage key={route.guideId} guideId={route.guideId} />
        </Suspense>
      )}
      {route.name === 'versions' && (
        <Suspense fallback={loading}>
          <VersionsPage key={route.guideId} guideId={route.guideId} />
        </Suspense>
      )}
      {route.name === 'settings' && (
        <Suspense fallback={loading}>
          <GuideSettingsPage key={route.guideId} guideId={route.guideId} />
        </Suspense>
      )}
      {route.name === 'account' && <AccountPage />}
      {route.name === 'login' && <AfterLogin />}
      {route.name === 'notFound' && <NotFoundPage />}
    </AnnouncerProvider>
  );
}

/** Signed in on /login (just now, or by following an old link): go where the link asked. */
function AfterLogin() {
  useEffect(() => {
    // React may run this again from a render that still saw /login after we left it: the URL decides
    if (parseRoute(window.location.pathname).name === 'login') navigate(nextAfterLogin(window.location.search), { replace: true });
  }, []);
  return null;
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
