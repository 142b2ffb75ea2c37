import { parseUnits } from '../../shared/amount.ts';
import type { AssetTerms } from '../../shared/api.ts';
import { Field } from '../components/Field.tsx';

/** What the terms form holds as typed: a price in whole tokens, a duration in days, a parent share in %. */
export type TermsDraft = {
  price: string;
  days: string;
  parentSharePercent: string;
  commercialUse: boolean;
  derivativesAllowed: boolean;
  attributionRequired: boolean;
};

export const DEFAULT_TERMS: TermsDraft = {
  price: '10',
  days: '30',
  parentSharePercent: '10',
  commercialUse: true,
  derivativesAllowed: true,
  attributionRequired: true,
};

/** The API's terms from the form, in `currency` with 18 decimals, or what is wrong with them. */
export function readTerms(d: TermsDraft, currency: string): { terms: AssetTerms } | { issue: string } {
  let priceWei: bigint;
  try {
    priceWei = d.price.trim() === '' ? 0n : parseUnits(d.price, 18);
  } catch (e) {
    return { issue: `price: ${(e as Error).message}` };
  }
  const days = Number(d.days || '0');
  const share = Number(d.parentSharePercent || '0');
  if (!Number.isFinite(days) || days < 0) return { issue: 'duration: a number of days, 0 for perpetual' };
  if (!Number.isFinite(share) || share < 0 || share > 100) return { issue: 'parent share: 0 to 100 %' };
  return {
    terms: {
      commercialUse: d.commercialUse,
      derivativesAllowed: d.derivativesAllowed,
      attributionRequired: d.attributionRequired,
      parentShareBps: Math.round(share * 100),
      priceWei: priceWei.toString(),
      currency,
      durationSeconds: Math.round(days * 86_400),
    },
  };
}

/** The license terms part of a registration form. */
export function TermsFields({
  value,
  onChange,
  symbol,
  disabled,
}: {
  value: TermsDraft;
  onChange: (v: TermsDraft) => void;
  symbol: string;
  disabled?: boolean;
}) {
  const set = <K extends keyof TermsDraft>(k: K, v: TermsDraft[K]) => onChange({ ...value, [k]: v });
  const check = (k: 'commercialUse' | 'derivativesAllowed' | 'attributionRequired', label: string) => (
    <label className="row">
      <input
        type="checkbox"
        checked={value[k]}
        disabled={disabled}
        onChange={(e) => set(k, e.target.checked)}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="stack" disabled={disabled}>
      <legend>License terms</legend>
      <div className="grid-3">
        <Field label={`Price (${symbol})`} issues={[]} hint="0 for free">
          <input inputMode="decimal" value={value.price} onChange={(e) => set('price', e.target.value)} />
        </Field>
        <Field label="Duration (days)" issues={[]} hint="0 for a perpetual license">
          <input inputMode="numeric" value={value.days} onChange={(e) => set('days', e.target.value)} />
        </Field>
        <Field label="Share to parents (%)" issues={[]} hint="of its revenue, split among its parents">
          <input
            inputMode="decimal"
            value={value.parentSharePercent}
            onChange={(e) => set('parentSharePercent', e.target.value)}
          />
        </Field>
      </div>
      {check('commercialUse', 'Commercial use allowed')}
      {check('derivativesAllowed', 'Anyone may register derived work')}
      {check('attributionRequired', 'Licensees must credit it')}
    </fieldset>
  );
}
