import { type FormEvent, useState } from 'react';
import { formatUnits } from '../../shared/amount.ts';
import { Field } from '../components/Field.tsx';
import { Kbd } from '../components/Kbd.tsx';
import { AmountField, readAmount } from './AmountField.tsx';
import type { EscrowToken } from './EscrowTokenCard.tsx';

/** A pre-filled amount from elsewhere on the page ("fill in the rest"); `at` makes a repeat click count. */
export type FundPreset = { token: string; wei: bigint; at: number };

/** Amount and token to put in escrow; Enter sends it. */
export function FundForm({
  tokens,
  busy,
  preset,
  onFund,
}: {
  tokens: EscrowToken[];
  busy: boolean;
  preset: FundPreset | null;
  onFund: (token: EscrowToken, amountWei: bigint) => void;
}) {
  const [tokenAddress, setTokenAddress] = useState(tokens[0]?.token ?? '');
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [presetAt, setPresetAt] = useState<number | null>(null);
  if (preset && preset.at !== presetAt) {
    // Adjusting state while rendering, as React recommends over an effect, when the preset changes.
    setPresetAt(preset.at);
    const t = tokens.find((x) => x.token === preset.token);
    if (t) {
      setTokenAddress(t.token);
      setText(formatUnits(preset.wei, t.decimals, t.decimals).replaceAll(',', ''));
      setTouched(false);
    }
  }
  const token = tokens.find((t) => t.token === tokenAddress) ?? tokens[0];
  if (!token) return null;
  const parsed = readAmount(text, token.decimals);
  const issue = touched && 'issue' in parsed ? parsed.issue : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (token && 'wei' in parsed) onFund(token, parsed.wei);
  }

  return (
    <form className="inline-form fund-form" onSubmit={submit} aria-label="Fund the escrow">
      <AmountField
        label="Amount"
        value={text}
        onChange={setText}
        symbol={token.symbol}
        issue={issue}
        disabled={busy}
      />
      {tokens.length > 1 && (
        <Field label="Token" issues={[]}>
          <select value={token.token} onChange={(e) => setTokenAddress(e.target.value)} disabled={busy}>
            {tokens.map((t) => (
              <option key={t.token} value={t.token}>
                {t.symbol} ({t.role})
              </option>
            ))}
          </select>
        </Field>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Funding…' : 'Fund'} <Kbd>Enter</Kbd>
      </button>
    </form>
  );
}
