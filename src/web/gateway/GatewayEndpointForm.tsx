import { useState } from 'react';
import { formatUnits, parseUnits } from '../../shared/amount.ts';
import type { GatewayEndpointView } from '../../shared/gatewayApi.ts';
import { Field } from '../components/Field.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';

/** A price in base units as the decimal CRV a person types, every digit kept and no thousands separators. */
const crv = (wei: string | undefined) => (wei ? formatUnits(BigInt(wei), 18).replaceAll(',', '') : '0');

/** The owner's form for the asset's upstream, pricing (typed in CRV, sent in base units) and split (basis points). */
export function GatewayEndpointForm({
  assetId,
  current,
  onSaved,
}: {
  assetId: string;
  current: GatewayEndpointView | null;
  onSaved: () => void;
}) {
  const [url, setUrl] = useState(current?.upstream?.url ?? '');
  const [apiKey, setApiKey] = useState('');
  const [model, setModel] = useState(current?.model ?? '');
  const [perCall, setPerCall] = useState(crv(current?.pricePerCallWei));
  const [per1k, setPer1k] = useState(crv(current?.pricePer1kTokensWei));
  const [split, setSplit] = useState(
    current?.split ?? { developerBps: 7000, dataProvidersBps: 2000, validatorsBps: 1000 },
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sum = split.developerBps + split.dataProvidersBps + split.validatorsBps;
  const bps = (key: keyof typeof split, label: string) => (
    <Field label={label} issues={[]}>
      <input
        type="number"
        min={0}
        max={10_000}
        value={split[key]}
        onChange={(e) => setSplit({ ...split, [key]: Number(e.target.value) })}
      />
    </Field>
  );
  return (
    <form
      className="stack"
      data-testid="gateway-endpoint-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await apiClient.setGatewayEndpoint(assetId, {
            url,
            model,
            pricePerCallWei: parseUnits(perCall || '0').toString(),
            pricePer1kTokensWei: parseUnits(per1k || '0').toString(),
            split,
            // Left empty, the stored key stays.
            ...(apiKey ? { apiKey } : {}),
          });
          setApiKey('');
          onSaved();
        } catch (err) {
          setError(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field
        label="Upstream URL"
        issues={[]}
        hint="An OpenAI-compatible base URL, the part before /chat/completions"
      >
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <Field
        label="Upstream API key"
        issues={[]}
        hint={
          current?.upstream?.hasApiKey
            ? 'A key is stored; leave empty to keep it'
            : 'Optional; never shown again'
        }
      >
        <input
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
        />
      </Field>
      <Field label="Model name" issues={[]}>
        <input type="text" required value={model} onChange={(e) => setModel(e.target.value)} />
      </Field>
      <div className="grid-2">
        <Field label="Price per call (CRV)" issues={[]}>
          <input
            type="text"
            inputMode="decimal"
            value={perCall}
            onChange={(e) => setPerCall(e.target.value)}
          />
        </Field>
        <Field label="Price per 1,000 tokens (CRV)" issues={[]}>
          <input type="text" inputMode="decimal" value={per1k} onChange={(e) => setPer1k(e.target.value)} />
        </Field>
      </div>
      <fieldset className="gateway-split">
        <legend>Split of each call’s cost, in basis points (10000 = 100%)</legend>
        <div className="grid-3">
          {bps('developerBps', 'Developer')}
          {bps('dataProvidersBps', 'Data providers')}
          {bps('validatorsBps', 'Validators')}
        </div>
      </fieldset>
      {sum !== 10_000 && <p className="field-error">The split adds up to {sum}; it must be 10000.</p>}
      {error && <p className="field-error">{error}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy || sum !== 10_000}>
        Save the endpoint
      </button>
    </form>
  );
}
