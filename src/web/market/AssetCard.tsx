import type { Asset } from '../../shared/api.ts';
import { formatCrv } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { KIND_LABELS } from './kindLabels.ts';

/** One asset in the marketplace's list: what it is, its price and the license's main terms. */
export function AssetCard({ asset }: { asset: Asset }) {
  const t = asset.terms;
  return (
    <article className="card task-card" data-testid="asset-card">
      <header className="task-card-head">
        <span className="badge">{KIND_LABELS[asset.kind]}</span>
        <span className="badge badge-quiet">{asset.modality}</span>
        {asset.datasetId && <span className="badge badge-community">Community</span>}
      </header>
      <h2 className="task-card-title">
        <Link to={`/assets/${asset.id}`}>{asset.name}</Link>
      </h2>
      {asset.description && <p className="task-card-desc">{asset.description}</p>}
      {asset.tags.length > 0 && (
        <p className="tags">
          {asset.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>License</dt>
          <dd>
            <strong>{t.priceWei === '0' ? 'Free' : formatCrv(t.priceWei)}</strong>
            {t.durationSeconds === 0 ? ' · perpetual' : ` · ${Math.round(t.durationSeconds / 86_400)} days`}
          </dd>
        </div>
        <div>
          <dt>Use</dt>
          <dd>
            {t.commercialUse ? 'Commercial' : 'Non-commercial'}
            {t.derivativesAllowed ? ', derivatives' : ''}
          </dd>
        </div>
      </dl>
    </article>
  );
}
