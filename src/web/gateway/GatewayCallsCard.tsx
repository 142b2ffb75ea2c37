import { Fragment, useState } from 'react';
import type { GatewayCall } from '../../shared/gatewayApi.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { LoadMoreButton, LoadMoreError } from '../components/LoadMoreControls.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatCrv, formatDateTime, shortAddress } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { useLoadMore } from '../lib/useLoadMore.ts';

const PAGE_SIZE = 20;
const COLUMNS = 8;

const STATUS_LABELS: Record<GatewayCall['status'], string> = {
  ok: 'OK',
  pending: 'Pending',
  failed: 'Failed',
};

/** Checks an EIP-191 signature in the browser; viem loads only when someone asks. */
async function verifyReceipt(call: GatewayCall): Promise<boolean> {
  const { verifyMessage } = await import('viem');
  return verifyMessage({
    address: call.receiptSigner as `0x${string}`,
    message: call.receipt!,
    signature: call.receiptSignature as `0x${string}`,
  });
}

function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The calls the signed-in person made through the metered gateway, newest first, with their signed receipts. */
export function GatewayCallsCard() {
  const list = useLoadMore<GatewayCall>((from) =>
    apiClient
      .myGatewayCalls(from ? { cursor: from, limit: PAGE_SIZE } : { limit: PAGE_SIZE })
      .then((p) => ({ items: p.calls, nextCursor: p.nextCursor })),
  );
  const { items: calls, cursor, loading, error } = list;
  const [open, setOpen] = useState<string | null>(null);
  // The platform token's address (for the cost's symbol) and the operator who signs receipts.
  const chain = useAsync(() => apiClient.chainInfo(), []);

  const platformToken = chain.data?.contracts.token.toLowerCase();
  const cost = (c: GatewayCall) =>
    !platformToken || c.token.toLowerCase() === platformToken
      ? formatCrv(c.costWei)
      : `${c.costWei} base units of ${shortAddress(c.token)}`;

  return (
    <section className="card panel" aria-label="Gateway calls" data-testid="gateway-calls">
      <div className="panel-head">
        <h2>Gateway calls</h2>
        {calls.length > 0 && <span className="muted small">{calls.length.toLocaleString()} shown</span>}
      </div>
      <LoadMoreError list={list} />
      {cursor === undefined && loading ? (
        <Loading />
      ) : calls.length === 0 ? (
        !error && (
          <EmptyState icon="inbox" title="No gateway calls yet">
            <p>
              Calls you make with your API key or session to a model or agent you licensed appear here, each
              with its cost and signed receipt.
            </p>
          </EmptyState>
        )
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>When</th>
                <th>Asset</th>
                <th>Model</th>
                <th className="num">Tokens</th>
                <th className="num">Cost</th>
                <th>Status</th>
                <th className="num">Latency</th>
                <th>
                  <span className="sr-only">Receipt</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <Fragment key={c.id}>
                  <tr>
                    <td className="nowrap">
                      <span title={c.createdAt}>{formatDateTime(c.createdAt)}</span>
                      <span className="line muted small">
                        {c.viaApiKey ? 'with an API key' : 'in a session'}
                      </span>
                    </td>
                    <td>
                      <Link to={`/assets/${c.assetId}`}>{c.assetName}</Link>
                    </td>
                    <td className="mono small">{c.model}</td>
                    <td
                      className="num nowrap"
                      title={
                        c.promptTokens === null
                          ? undefined
                          : `${c.promptTokens} prompt + ${c.completionTokens ?? 0} completion tokens`
                      }
                    >
                      {c.promptTokens === null && c.completionTokens === null
                        ? '—'
                        : `${c.promptTokens ?? 0} + ${c.completionTokens ?? 0}`}
                    </td>
                    <td className="num nowrap">{cost(c)}</td>
                    <td>
                      <span className={`call-status call-status-${c.status}`}>{STATUS_LABELS[c.status]}</span>
                      {c.error && <span className="line small text-danger">{c.error}</span>}
                    </td>
                    <td className="num nowrap">{formatLatency(c.latencyMs)}</td>
                    <td className="nowrap">
                      {c.receipt ? (
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-expanded={open === c.id}
                          aria-controls={`receipt-${c.id}`}
                          onClick={() => setOpen((o) => (o === c.id ? null : c.id))}
                        >
                          Receipt
                        </button>
                      ) : (
                        <span className="muted small">No receipt</span>
                      )}
                    </td>
                  </tr>
                  {open === c.id && c.receipt && (
                    <tr>
                      <td colSpan={COLUMNS} id={`receipt-${c.id}`} className="gateway-receipt-cell">
                        <ReceiptDetails call={c} operator={chain.data?.operator ?? null} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreButton list={list} />
    </section>
  );
}

type Check = { state: 'idle' | 'checking' } | { state: 'ok' | 'bad' } | { state: 'error'; message: string };

/** A call's receipt as it was signed, who signed it, and a check of the signature in the browser. */
function ReceiptDetails({ call, operator }: { call: GatewayCall; operator: string | null }) {
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const signer = call.receiptSigner;
  const signed = signer !== null && call.receiptSignature !== null;
  const byOperator = signer !== null && operator !== null && signer.toLowerCase() === operator.toLowerCase();

  async function verify() {
    setCheck({ state: 'checking' });
    try {
      setCheck({ state: (await verifyReceipt(call)) ? 'ok' : 'bad' });
    } catch (e) {
      setCheck({ state: 'error', message: errorMessage(e) });
    }
  }

  return (
    <div className="gateway-receipt">
      <p className="small muted">
        The exact text the platform signed for call <span className="mono">{call.id}</span>; the request and
        response hashes are the sha256 of the bodies sent upstream and returned to you.
      </p>
      <pre className="gateway-receipt-text mono">{call.receipt}</pre>
      {signed ? (
        <>
          <p className="small">
            Signer <span className="mono hash">{signer}</span>{' '}
            {operator !== null &&
              (byOperator ? (
                <span className="badge">platform operator</span>
              ) : (
                <span className="badge badge-quiet">not this platform’s operator</span>
              ))}
          </p>
          <div className="row">
            <button
              type="button"
              className="btn btn-small btn-primary"
              onClick={() => void verify()}
              disabled={check.state === 'checking'}
            >
              {check.state === 'checking' ? 'Verifying…' : 'Verify'}
            </button>
            <span role="status" className="small">
              {check.state === 'ok' && (
                <span className="text-success">Signature verified: signed by {signer}</span>
              )}
              {check.state === 'bad' && (
                <span className="text-danger">
                  Signature does not match: this receipt was not signed by {signer}, or its text was changed.
                </span>
              )}
              {check.state === 'error' && (
                <span className="text-danger">Could not check the signature: {check.message}</span>
              )}
            </span>
          </div>
          {check.state === 'ok' && operator !== null && !byOperator && (
            <Alert tone="warning">
              The signature is valid, but {signer} is not this platform’s operator ({operator}): do not trust
              this receipt as Caravan’s.
            </Alert>
          )}
        </>
      ) : (
        <p className="small muted">
          This receipt is not signed: the server had no signing key when the call ran.
        </p>
      )}
    </div>
  );
}
