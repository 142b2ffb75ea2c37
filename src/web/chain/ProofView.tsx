import type { AnswerProof } from '../../shared/chainApi.ts';
import { formatDateTime, shortAddress } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { CopyButton } from './CopyButton.tsx';
import { ProofChecks } from './ProofChecks.tsx';

/** The verdict at a glance: verified, not anchored yet, not checkable now, or does not check out. */
function ProofBanner({ proof }: { proof: AnswerProof }) {
  const failed = proof.checks.some((c) => c.ok === false);
  const pending = proof.batch === null || proof.batch.status === 'built';
  const [tone, text] = proof.verified
    ? (['ok', '✓ Verified on chain'] as const)
    : failed
      ? (['bad', '✗ Does not check out'] as const)
      : pending
        ? (['pending', 'Not anchored yet: batches are anchored every few seconds'] as const)
        : (['pending', 'Not checked against the chain yet: see the checks below'] as const);
  return (
    <div
      className={`proof-banner proof-${tone}`}
      role={tone === 'bad' ? 'alert' : 'status'}
      data-testid="proof-banner"
      data-verified={String(proof.verified)}
    >
      {text}
    </div>
  );
}

function Hash({ value }: { value: string | null }) {
  return value ? <span className="mono hash">{value}</span> : <span className="muted">—</span>;
}

/** Everything the proof endpoint says about one contribution, laid out to check by hand. */
export function ProofView({ proof }: { proof: AnswerProof }) {
  const { entry, batch } = proof;
  return (
    <div className="stack proof-view">
      <ProofBanner proof={proof} />
      <div className="grid">
        <section className="card panel" aria-label="Ledger entry">
          <h2>Ledger entry</h2>
          <dl className="facts proof-facts">
            <div>
              <dt>Answer</dt>
              <dd className="mono">#{proof.answerId}</dd>
            </div>
            <div>
              <dt>Verdict</dt>
              <dd>
                <span className={`status answer-status-${proof.verdict}`}>{proof.verdict}</span>
              </dd>
            </div>
            <div>
              <dt>Project</dt>
              <dd className="mono hash">{entry.projectId}</dd>
            </div>
            <div>
              <dt>Sequence</dt>
              <dd className="mono">#{entry.seq}</dd>
            </div>
            <div>
              <dt>Contributor</dt>
              <dd>
                <Link to={`/u/${entry.contributor}`} className="mono" title={entry.contributor}>
                  {shortAddress(entry.contributor)}
                </Link>
              </dd>
            </div>
            <div>
              <dt>Item</dt>
              <dd className="mono hash">{entry.itemId}</dd>
            </div>
            <div>
              <dt>Time</dt>
              <dd>{formatDateTime(entry.createdAt)}</dd>
            </div>
            <div className="wide">
              <dt>Answer hash</dt>
              <dd>
                <Hash value={entry.answerHash} />
              </dd>
            </div>
            <div className="wide">
              <dt>Entry hash</dt>
              <dd>
                <Hash value={entry.hash} />
              </dd>
            </div>
            <div className="wide">
              <dt>Previous entry hash</dt>
              <dd>
                <Hash value={entry.prevHash} />
              </dd>
            </div>
          </dl>
        </section>
        <section className="card panel" aria-label="Batch">
          <h2>Anchored batch</h2>
          {batch ? (
            <dl className="facts proof-facts">
              <div>
                <dt>Batch</dt>
                <dd className="mono hash">{batch.batchId}</dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>{batch.status}</dd>
              </div>
              <div>
                <dt>Entries</dt>
                <dd>{batch.count.toLocaleString()}</dd>
              </div>
              <div>
                <dt>Block</dt>
                <dd className="mono">{batch.blockNumber ?? '—'}</dd>
              </div>
              <div>
                <dt>Anchored</dt>
                <dd>{batch.anchoredAt ? formatDateTime(batch.anchoredAt) : '—'}</dd>
              </div>
              <div className="wide">
                <dt>Root</dt>
                <dd>
                  <Hash value={batch.root} />
                </dd>
              </div>
              <div className="wide">
                <dt>Anchor transaction</dt>
                <dd>
                  <Hash value={batch.txHash} />
                </dd>
              </div>
              <div className="wide">
                <dt>Manifest hash</dt>
                <dd>
                  <Hash value={batch.manifestHash} />
                </dd>
              </div>
            </dl>
          ) : (
            <p className="muted">
              This entry is not in a batch yet; the next anchoring round puts it in one.
            </p>
          )}
        </section>
      </div>
      <section className="card panel" aria-label="Merkle proof">
        <div className="panel-head">
          <h2>Merkle proof</h2>
          {proof.proof.length > 0 && <CopyButton text={proof.proof.join('\n')} label="Copy proof" />}
        </div>
        <dl className="facts proof-facts">
          <div className="wide">
            <dt>Leaf</dt>
            <dd>
              <Hash value={proof.leaf} />
            </dd>
          </div>
        </dl>
        {proof.proof.length > 0 ? (
          <ol className="proof-hashes mono">
            {proof.proof.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a proof may repeat a hash; its position is its identity
              <li key={i} className="hash">
                {h}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted small">
            {batch
              ? 'No sibling hashes: the leaf is the batch root.'
              : 'No proof until the entry is in a batch.'}
          </p>
        )}
      </section>
      <section className="card panel" aria-label="Checks">
        <h2>Checks</h2>
        <ProofChecks checks={proof.checks} />
      </section>
    </div>
  );
}
