import { parseUnits } from '../../shared/amount.ts';
import { Field } from '../components/Field.tsx';

/** The base units a typed decimal amount means, or the reason it does not parse. */
export function readAmount(text: string, decimals: number): { wei: bigint } | { issue: string } {
  if (!text.trim()) return { issue: 'enter an amount' };
  try {
    const wei = parseUnits(text, decimals);
    return wei > 0n ? { wei } : { issue: 'enter an amount above 0' };
  } catch (e) {
    return { issue: (e as Error).message };
  }
}

/** A decimal token amount ("12.5"); the form around it converts it with the token's decimals. */
export function AmountField({
  label,
  value,
  onChange,
  symbol,
  issue,
  hint,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  symbol: string;
  issue: string | null;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <Field label={`${label} (${symbol})`} issues={issue ? [issue] : []} {...(hint ? { hint } : {})}>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder="0.0"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
