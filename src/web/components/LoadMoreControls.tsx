import type { LoadMore } from '../lib/useLoadMore.ts';
import { Alert } from './Alert.tsx';

/** A paged list's error, with Retry (the page that failed loads again). */
export function LoadMoreError({ list }: { list: LoadMore<unknown> }) {
  if (!list.error) return null;
  return (
    <Alert
      action={
        <button type="button" className="btn" onClick={list.more}>
          Retry
        </button>
      }
    >
      {list.error}
    </Alert>
  );
}

/** "Load more" under a paged list while another page is left. */
export function LoadMoreButton({ list }: { list: LoadMore<unknown> }) {
  if (!list.cursor) return null;
  return (
    <div className="row center">
      <button type="button" className="btn" onClick={list.more} disabled={list.loading}>
        {list.loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}
