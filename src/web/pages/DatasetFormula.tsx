import type { ShareFormulaParameters } from '../../shared/api.ts';

const times = (ppm: number, scale: number) =>
  (ppm / scale).toLocaleString(undefined, { maximumFractionDigits: 6 });

/** The co-ownership formula in plain words, with the parameters the dataset was computed by. */
export function DatasetFormula({ formula }: { formula: ShareFormulaParameters }) {
  const f = (ppm: number) => times(ppm, formula.scale);
  return (
    <section className="card panel" aria-label="Share formula">
      <h2>How shares are computed (formula v{formula.version})</h2>
      <p>
        Each approved answer counts <strong>{f(formula.approvedPpm)}</strong>, or{' '}
        <strong>{f(formula.approvedAfterFixPpm)}</strong> when it was approved only after a reviewer or the
        requester corrected the item. It counts more on harder items: times (1 +{' '}
        <strong>{f(formula.difficultyBonusPpm)}</strong> × difficulty), where difficulty is one less the
        aggregated label’s confidence (or, for items a person labelled, one less the share of its answers that
        were approved). A contributor’s answers are then scaled by their accuracy estimate in the project
        (gold items, review verdicts and agreement with consensus, on a Beta prior). Each accepted review adds{' '}
        <strong>{f(formula.reviewPpm)}</strong>. Rejected, pending and gold answers count for nothing.
      </p>
      <p className="mono small">
        weight = ⌊Σ status × (1 + {f(formula.difficultyBonusPpm)} × difficulty) × accuracy⌋ +{' '}
        {f(formula.reviewPpm)} × reviews, in units of 1/{formula.scale.toLocaleString()}
      </p>
      <p className="muted small">
        A share is its weight over the total, in parts per million, rounded so all shares add up to exactly
        100%.
      </p>
    </section>
  );
}
