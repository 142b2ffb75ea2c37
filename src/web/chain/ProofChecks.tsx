import type { AnswerProof } from '../../shared/chainApi.ts';

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const;

/** Each check the server made, passed, failed, or not possible yet. */
export function ProofChecks({ checks }: { checks: AnswerProof['checks'] }) {
  return (
    <ul className="proof-checks" aria-label="Checks">
      {checks.map((c) => {
        const state = c.ok === null ? 'skip' : c.ok ? 'pass' : 'fail';
        return (
          <li
            key={c.name}
            className={`proof-check check-${state}`}
            data-check={c.name}
            data-ok={String(c.ok)}
          >
            <span className="check-mark" aria-hidden>
              {MARK[state]}
            </span>
            <span className="sr-only">
              {state === 'pass' ? 'passed' : state === 'fail' ? 'failed' : 'not checked'}
            </span>
            <div>
              <strong>{c.name}</strong>
              <p className="muted small hash">{c.detail}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
