import { useState } from 'react';
import { AmountField, readAmount } from '../chain/AmountField.tsx';
import { SendStatus } from '../chain/SendStatus.tsx';
import { useWalletSend } from '../chain/useWalletSend.ts';
import { apiClient } from '../lib/apiClient.ts';
import { formatToken } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

/** The requester organization's prepaid gateway budget, with a top-up sent from the person's wallet. */
export function GatewayBalanceCard() {
  const balance = useAsync(() => apiClient.gatewayBalance(), []);
  const send = useWalletSend();
  const [amount, setAmount] = useState('');
  const b = balance.data;
  if (!b)
    // Why there is no budget (no organization yet, say) belongs in the card, not in a stray line under it.
    return balance.error ? (
      <section className="card panel" aria-label="Gateway balance" data-testid="gateway-balance">
        <h2>Gateway balance</h2>
        <p className="muted">No prepaid budget to show: {balance.error}</p>
      </section>
    ) : null;
  const read = readAmount(amount, b.decimals);
  const show = (wei: string) => formatToken(wei, b.symbol, b.decimals);
  return (
    <section className="card panel" aria-label="Gateway balance" data-testid="gateway-balance">
      <h2>Gateway balance</h2>
      <dl className="stats">
        <div className="stat">
          <dt>Available</dt>
          <dd>{show(b.availableWei)}</dd>
        </div>
        <div className="stat">
          <dt>Prepaid</dt>
          <dd>{show(b.prepaidWei)}</dd>
        </div>
        <div className="stat">
          <dt>Spent</dt>
          <dd>{show(b.spentWei)}</dd>
        </div>
      </dl>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if ('wei' in read)
            void send.run(
              'Top up',
              () => apiClient.gatewayFundCalls(read.wei.toString()),
              () => {
                setAmount('');
                balance.reload();
              },
            );
        }}
      >
        <AmountField
          label="Top up"
          value={amount}
          onChange={setAmount}
          symbol={b.symbol}
          issue={amount && 'issue' in read ? read.issue : null}
          hint="Sent from your wallet into your organization’s prepaid budget; each call takes its cost from it."
        />
        <button type="submit" className="btn btn-primary" disabled={!('wei' in read) || send.busy !== null}>
          Top up
        </button>
      </form>
      <SendStatus send={send} />
    </section>
  );
}
