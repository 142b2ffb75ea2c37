import { type FormEvent, useState } from 'react';
import { AmountField, readAmount } from './AmountField.tsx';

/** One amount and one button (lock, or ask to unlock); Enter submits. */
export function StakeForm({
  label,
  button,
  symbol,
  decimals,
  hint,
  busy,
  onSubmit,
}: {
  label: string;
  button: string;
  symbol: string;
  decimals: number;
  hint: string;
  busy: boolean;
  onSubmit: (amountWei: bigint) => void;
}) {
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const parsed = readAmount(text, decimals);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if ('wei' in parsed) onSubmit(parsed.wei);
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={button}>
      <AmountField
        label={label}
        value={text}
        onChange={setText}
        symbol={symbol}
        hint={hint}
        issue={touched && 'issue' in parsed ? parsed.issue : null}
        disabled={busy}
      />
      <button type="submit" className="btn" disabled={busy}>
        {button}
      </button>
    </form>
  );
}
