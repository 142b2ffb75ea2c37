import { CopyButton } from '../chain/CopyButton.tsx';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { GatewayPanel } from '../gateway/GatewayPanel.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatDate, formatPercent, shortAddress } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { BuyButton } from '../market/BuyButton.tsx';
import { KIND_LABELS } from '../market/kindLabels.ts';
import { LineageGraph } from '../market/LineageGraph.tsx';
import { termsInWords } from '../market/termsInWords.ts';

/** A hash or address with a copy button, in full. */
function Hash({ value, label }: { value: string | null; label: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="mono small hash">
        {value ? (
          <>
            {value} <CopyButton text={value} />
          </>
        ) : (
          <span className="muted">not yet</span>
        )}
      </dd>
    </div>
  );
}

/** A sample row's item or label: a lone text or choice as words, anything else as its JSON. */
function SampleCell({ value }: { value: unknown }) {
  const fields = value && typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : [];
  const only = fields.length === 1 && typeof fields[0] === 'string' ? fields[0] : null;
  return only === null ? (
    <td className="mono small hash">{JSON.stringify(value)}</td>
  ) : (
    <td className="sample-text">{only}</td>
  );
}

/** One asset: its card, license terms in plain words, lineage, owners and shares, sample rows and provenance. */
export function AssetPage({ assetId }: { assetId: string }) {
  const loaded = useAsync(() => apiClient.asset(assetId), [assetId]);
  if (loaded.loading && !loaded.data) return <Loading />;
  const detail = loaded.data;
  if (!detail)
    return (
      <div className="page">
        <Alert title="Could not open this asset" action={<Link to="/market">Marketplace</Link>}>
          {loaded.error ?? 'No asset with this id.'}
        </Alert>
      </div>
    );
  const { asset, owners, provenance, license } = detail;
  const canDownload = asset.kind === 'dataset' && asset.datasetId && (license.held || license.owner);

  return (
    <div className="page">
      <header className="page-header">
        <div className="grow">
          <h1>{asset.name}</h1>
          <p className="meta-line">
            <span className="badge">{KIND_LABELS[asset.kind]}</span>
            <span className="badge badge-quiet">{asset.modality}</span>
            {asset.tags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
            <span className="muted">
              {asset.chainAssetId ? `asset #${asset.chainAssetId}` : 'draft: not registered yet'}
              {asset.registeredAt ? `, registered ${formatDate(asset.registeredAt)}` : ''}
            </span>
          </p>
          {asset.description && <p className="muted">{asset.description}</p>}
        </div>
        <Link to="/market" className="btn">
          Marketplace
        </Link>
      </header>

      <div className="project-grid">
        <div className="stack">
          <section className="card panel" aria-label="License terms">
            <h2>License terms</h2>
            <ul data-testid="asset-terms">
              {termsInWords(asset.terms, 'CRV').map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {detail.feeBps !== null && (
              <p className="muted small">
                The platform keeps {detail.feeBps / 100}% of each sale. {detail.sales.count.toLocaleString()}{' '}
                license
                {detail.sales.count === 1 ? '' : 's'} sold.
              </p>
            )}
            <BuyButton detail={detail} onBought={loaded.reload} />
            {canDownload && (
              <a className="btn" href={apiClient.assetDownloadUrl(asset.id)} download data-testid="download">
                Download the rows (JSONL)
              </a>
            )}
          </section>
          {asset.kind !== 'dataset' && <GatewayPanel assetId={asset.id} owner={license.owner} />}
          <section className="card panel" aria-label="Lineage">
            <h2>Lineage</h2>
            <LineageGraph lineage={detail.lineage} current={asset.id} />
          </section>
          {detail.sampleRows.length > 0 && (
            <section className="card panel" aria-label="Sample rows">
              <h2>Sample rows</h2>
              <table className="table" data-testid="sample-rows">
                <thead>
                  <tr>
                    <th>Item</th>
                    <th>Label</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.sampleRows.map((r, i) => {
                    const row = r as { data?: unknown; label?: unknown };
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: sample rows are fixed and have no id of their own
                      <tr key={i}>
                        <SampleCell value={row.data ?? r} />
                        <SampleCell value={row.label ?? null} />
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )}
        </div>
        <div className="stack">
          <section className="card panel" aria-label="Owners">
            <h2>{owners.kind === 'community' ? 'Co-owners' : 'Owner'}</h2>
            {owners.kind === 'community' ? (
              <>
                <p className="muted small">
                  Revenue goes to the co-owners by their frozen shares; {shortAddress(owners.owner)} manages
                  its terms.
                </p>
                <table className="table" data-testid="asset-owners">
                  <thead>
                    <tr>
                      <th>Co-owner</th>
                      <th className="num">Share</th>
                    </tr>
                  </thead>
                  <tbody>
                    {owners.shares.map((s) => (
                      <tr key={s.account}>
                        <td className="mono">
                          <Link to={`/u/${s.account}`}>{shortAddress(s.account)}</Link>
                        </td>
                        <td className="num">{formatPercent(s.sharePpm / 1_000_000)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {owners.more && asset.datasetId && (
                  <Link to={`/datasets/${asset.datasetId}`}>Every co-owner on the dataset’s page</Link>
                )}
              </>
            ) : (
              <p className="mono" data-testid="asset-owners">
                {owners.owner}
              </p>
            )}
          </section>
          <section className="card panel" aria-label="Provenance">
            <h2>Provenance</h2>
            <dl className="stack">
              <Hash label="Content hash" value={provenance.contentHash} />
              <Hash label="Registration transaction" value={provenance.registerTxHash} />
              {asset.datasetId && <Hash label="Share root" value={provenance.shareRoot} />}
              {asset.datasetId && <Hash label="Shares committed in" value={provenance.commitTxHash} />}
              <Hash label="Metadata URI" value={provenance.metadataUri} />
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
