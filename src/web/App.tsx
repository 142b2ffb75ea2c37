import { useEffect } from 'react';
import { Alert } from './components/Alert.tsx';
import { Loading } from './components/Loading.tsx';
import { TopNav } from './components/TopNav.tsx';
import { matchPath, navigate, useLocation } from './lib/router.tsx';
import { useSession } from './lib/SessionProvider.tsx';
import { AdminFlagsPage } from './pages/AdminFlagsPage.tsx';
import { AdminSettlementPage } from './pages/AdminSettlementPage.tsx';
import { ApiKeysPage } from './pages/ApiKeysPage.tsx';
import { AssetPage } from './pages/AssetPage.tsx';
import { DatasetPage } from './pages/DatasetPage.tsx';
import { DatasetsPage } from './pages/DatasetsPage.tsx';
import { EarningsPage } from './pages/EarningsPage.tsx';
import { HistoryPage } from './pages/HistoryPage.tsx';
import { LeaderboardPage } from './pages/LeaderboardPage.tsx';
import { MarketMinePage } from './pages/MarketMinePage.tsx';
import { MarketNewPage } from './pages/MarketNewPage.tsx';
import { MarketPage } from './pages/MarketPage.tsx';
import { NewProjectPage } from './pages/NewProjectPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { ProjectPage } from './pages/ProjectPage.tsx';
import { ProjectsPage } from './pages/ProjectsPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { ReviewProjectPage } from './pages/ReviewProjectPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { TaskPage } from './pages/TaskPage.tsx';
import { TasksPage } from './pages/TasksPage.tsx';
import { VerifyPage } from './pages/VerifyPage.tsx';

/** Where a signed-out visitor goes back to after signing in; only paths inside the app. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/tasks';
}

function Page({ pathname }: { pathname: string }) {
  if (pathname === '/tasks') return <TasksPage />;
  if (pathname === '/history') return <HistoryPage />;
  if (pathname === '/projects') return <ProjectsPage />;
  if (pathname === '/projects/new') return <NewProjectPage />;
  if (pathname === '/profile') return <ProfilePage />;
  if (pathname === '/leaderboard') return <LeaderboardPage />;
  if (pathname === '/admin/flags') return <AdminFlagsPage />;
  if (pathname === '/admin/settlement') return <AdminSettlementPage />;
  if (pathname === '/earnings') return <EarningsPage />;
  if (pathname === '/verify') return <VerifyPage />;
  if (pathname === '/review') return <ReviewPage />;
  if (pathname === '/datasets') return <DatasetsPage />;
  if (pathname === '/market') return <MarketPage />;
  if (pathname === '/market/new') return <MarketNewPage />;
  if (pathname === '/market/mine') return <MarketMinePage />;
  if (pathname === '/settings/keys') return <ApiKeysPage />;
  let params = matchPath('/tasks/:projectId', pathname);
  if (params?.projectId) return <TaskPage key={params.projectId} projectId={params.projectId} />;
  params = matchPath('/review/:projectId', pathname);
  if (params?.projectId) return <ReviewProjectPage key={params.projectId} projectId={params.projectId} />;
  params = matchPath('/projects/:id', pathname);
  if (params?.id) return <ProjectPage key={params.id} projectId={params.id} />;
  params = matchPath('/datasets/:id', pathname);
  if (params?.id) return <DatasetPage key={params.id} datasetId={params.id} />;
  params = matchPath('/assets/:id', pathname);
  if (params?.id) return <AssetPage key={params.id} assetId={params.id} />;
  params = matchPath('/verify/:answerId', pathname);
  if (params?.answerId) return <VerifyPage key={params.answerId} answerId={params.answerId} />;
  params = matchPath('/u/:address', pathname);
  if (params?.address) return <ProfilePage key={params.address} address={params.address} />;
  return <NotFoundPage />;
}

/** The app shell: the session decides between the sign-in page and the signed-in pages. */
export function App() {
  const { me, error } = useSession();
  const { pathname, search } = useLocation();
  const next = search.get('next');

  useEffect(() => {
    if (me === null && pathname !== '/signin') {
      const here = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + window.location.search)}`;
      navigate(`/signin${here}`, { replace: true });
    } else if (me && (pathname === '/signin' || pathname === '/')) {
      navigate(safeNext(next), { replace: true });
    }
  }, [me, pathname, next]);

  if (me === undefined) return <Loading label="Starting…" />;
  if (me === null)
    return (
      <>
        {error && (
          <div className="page">
            <Alert title="The server is not answering">{error}</Alert>
          </div>
        )}
        <SignInPage onSignedIn={() => navigate(safeNext(next), { replace: true })} />
      </>
    );

  return (
    <>
      <TopNav />
      <main>{pathname === '/signin' || pathname === '/' ? <Loading /> : <Page pathname={pathname} />}</main>
    </>
  );
}
