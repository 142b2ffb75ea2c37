import { EmptyState } from '../components/EmptyState.tsx';
import { Link } from '../lib/router.tsx';

/** Shown for any address the app does not know. */
export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState icon="map" title="This page does not exist">
        <p>The link may be old or mistyped.</p>
        <Link to="/tasks" className="btn btn-primary">
          Go to tasks
        </Link>
      </EmptyState>
    </div>
  );
}
