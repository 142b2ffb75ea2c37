import { shortAddress } from '../lib/format.ts';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { useSession } from '../lib/SessionProvider.tsx';

const LINKS = [
  { to: '/tasks', label: 'Tasks' },
  { to: '/history', label: 'History' },
  { to: '/earnings', label: 'Earnings' },
  { to: '/review', label: 'Review' },
  { to: '/projects', label: 'Projects' },
  { to: '/datasets', label: 'Datasets' },
  { to: '/market', label: 'Market' },
  { to: '/profile', label: 'Profile' },
  { to: '/leaderboard', label: 'Leaderboard' },
  { to: '/verify', label: 'Verify' },
] as const;

/** Only administrators see these. */
const ADMIN_LINKS = [
  { to: '/admin/flags', label: 'Flags' },
  { to: '/admin/settlement', label: 'Settlement' },
] as const;

/** The bar on every signed-in page: sections, who is signed in, their API keys, and sign out. */
export function TopNav() {
  const { me, signOut } = useSession();
  const { pathname } = useLocation();
  if (!me) return null;
  return (
    <header className="topnav">
      <div className="topnav-inner">
        <Link to="/tasks" className="brand">
          <span className="brand-mark" aria-hidden />
          Caravan
        </Link>
        <nav aria-label="Main">
          {[...LINKS, ...(me.isAdmin ? ADMIN_LINKS : [])].map((l) => (
            <Link
              key={l.to}
              to={l.to}
              className={pathname.startsWith(l.to) ? 'navlink active' : 'navlink'}
              aria-current={pathname.startsWith(l.to) ? 'page' : undefined}
            >
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="topnav-user">
          <span className="level-pill" title={`${me.xp.toLocaleString()} XP`}>
            Lv {me.level}
          </span>
          <span className="address mono" title={me.address} data-testid="signed-in-address">
            {me.displayName ?? shortAddress(me.address)}
          </span>
          <Link
            to="/settings/keys"
            className="btn btn-small btn-quiet nowrap"
            aria-current={pathname.startsWith('/settings/keys') ? 'page' : undefined}
          >
            API keys
          </Link>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => void signOut().finally(() => navigate('/signin'))}
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
