import { useState } from 'react';
import { parseUnits } from '../../shared/amount.ts';
import { ASSET_KINDS } from '../../shared/api.ts';
import { MODALITIES } from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { AssetCard } from '../market/AssetCard.tsx';
import { KIND_LABELS } from '../market/kindLabels.ts';

const PAGE_SIZE = 24;
/** The filters the address holds, by their query names. */
const FILTERS = ['q', 'kind', 'modality', 'license', 'maxPrice', 'after'] as const;
type Filter = (typeof FILTERS)[number];

/** Whole tokens typed in the price filter as base units, or undefined when empty or not a number. */
const priceWei = (text: string) => {
  try {
    return text ? parseUnits(text, 18).toString() : undefined;
  } catch {
    return undefined;
  }
};

/** The marketplace: registered datasets, models and agents, searched and filtered, a page at a time. */
export function MarketPage() {
  const { search } = useLocation();
  const get = (k: Filter) => search.get(k) ?? '';
  const [typed, setTyped] = useState(get('q'));
  const license = get('license');
  const maxPriceWei = priceWei(get('maxPrice'));
  const list = useAsync(
    () =>
      apiClient.assets({
        ...(get('q') && { search: get('q') }),
        ...(get('kind') && { kind: get('kind') }),
        ...(get('modality') && { modality: get('modality') }),
        ...(license === 'commercial' && { commercial: 'true' }),
        ...(license === 'derivatives' && { derivatives: 'true' }),
        ...(license === 'free' && { maxPriceWei: '0' }),
        ...(maxPriceWei !== undefined && license !== 'free' && { maxPriceWei }),
        ...(get('after') && { cursor: get('after') }),
        limit: PAGE_SIZE,
      }),
    [search.toString()],
  );
  const go = (changes: Partial<Record<Filter, string>>) => {
    const params = new URLSearchParams(search);
    params.delete('after');
    for (const [k, v] of Object.entries(changes)) v ? params.set(k, v) : params.delete(k);
    const qs = params.toString();
    navigate(qs ? `/market?${qs}` : '/market');
  };
  const assets = list.data?.assets ?? [];
  const filtered = FILTERS.some((k) => k !== 'after' && get(k));

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Marketplace</h1>
          <p className="muted">
            Datasets, models and agents with machine-readable licenses; every sale pays their owners and the
            work they came from.
          </p>
        </div>
        <div className="row">
          <Link to="/market/mine" className="btn">
            My purchases &amp; earnings
          </Link>
          <Link to="/market/new" className="btn btn-primary">
            Register a model or agent
          </Link>
        </div>
      </header>
      <form
        className="filters"
        aria-label="Filter the marketplace"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: typed.trim() });
        }}
      >
        <label>
          Search
          <input
            type="search"
            placeholder="Name or tag"
            aria-label="Search by name or tag"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <label>
          Type
          <select
            className="filter-select"
            value={get('kind')}
            onChange={(e) => go({ kind: e.target.value })}
          >
            <option value="">Any type</option>
            {ASSET_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Modality
          <select
            className="filter-select"
            value={get('modality')}
            onChange={(e) => go({ modality: e.target.value })}
          >
            <option value="">Any modality</option>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          License
          <select className="filter-select" value={license} onChange={(e) => go({ license: e.target.value })}>
            <option value="">Any license</option>
            <option value="commercial">Commercial use</option>
            <option value="derivatives">Derivatives allowed</option>
            <option value="free">Free</option>
          </select>
        </label>
        <label>
          Max price (CRV)
          <input
            inputMode="decimal"
            aria-label="Maximum price"
            defaultValue={get('maxPrice')}
            onBlur={(e) => go({ maxPrice: e.target.value.trim() })}
          />
        </label>
        <button type="submit" className="btn">
          Search
        </button>
      </form>
      {list.error && (
        <Alert
          action={
            <button type="button" className="btn" onClick={list.reload}>
              Retry
            </button>
          }
        >
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data ? (
        <Loading />
      ) : assets.length === 0 && !list.error ? (
        <EmptyState icon="compass" title={filtered ? 'Nothing matches these filters' : 'Nothing on sale yet'}>
          <p>
            Requesters register models and agents here, and publish community datasets and register them from
            the dataset’s page.
          </p>
          {filtered && (
            <Link to="/market" className="btn">
              Clear the filters
            </Link>
          )}
        </EmptyState>
      ) : (
        <div className="grid" data-testid="assets">
          {assets.map((a) => (
            <AssetCard key={a.id} asset={a} />
          ))}
        </div>
      )}
      {(get('after') || list.data?.nextCursor) && (
        <div className="row center">
          {get('after') && (
            <button type="button" className="btn btn-small" onClick={() => go({})}>
              ← Newest
            </button>
          )}
          {list.data?.nextCursor && (
            <button
              type="button"
              className="btn btn-small"
              disabled={list.loading}
              onClick={() => {
                const params = new URLSearchParams(search);
                params.set('after', list.data!.nextCursor!);
                navigate(`/market?${params}`);
              }}
            >
              Older →
            </button>
          )}
        </div>
      )}
    </div>
  );
}
