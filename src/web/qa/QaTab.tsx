import { useEffect, useRef, useState } from 'react';
import type { Project, QaSample, SubmitQaInput } from '../../shared/api.ts';
import { hasModifier, isTyping, useHotkeys } from '../annotate/useHotkeys.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatPercent } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { QaCard, type QaCardState, type QaVerdict } from './QaCard.tsx';

const SIZES = [10, 20, 50] as const;
const FRESH: QaCardState = { note: '', busy: false, error: null, fixing: false, checked: null };

/**
 * The requester's own quality check: a random sample of decided answers, each shown with how it was decided,
 * to accept, reject or fix. A verdict here overrides the machine's and the reviewers'.
 */
export function QaTab({ project }: { project: Project }) {
  const [size, setSize] = useState<number>(20);
  const [sample, setSample] = useState<QaSample | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cards, setCards] = useState<Record<string, QaCardState>>({});
  const [focus, setFocus] = useState(0);
  const refs = useRef(new Map<string, HTMLLIElement>());

  const answers = sample?.answers ?? [];
  const focused = answers[focus];
  const fixing = answers.some((a) => cards[a.answerId]?.fixing);

  async function draw() {
    setLoading(true);
    setError(null);
    try {
      const drawn = await apiClient.qaSample(project.id, size);
      setSample(drawn);
      setCards({});
      setFocus(0);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  const update = (id: string, change: Partial<QaCardState>) =>
    setCards((all) => ({ ...all, [id]: { ...FRESH, ...all[id], ...change } }));

  async function send(id: string, verdict: QaVerdict, fixedAnswer?: unknown) {
    const state = cards[id] ?? FRESH;
    if (state.busy) return;
    const note = state.note.trim();
    const body: SubmitQaInput = {
      verdict,
      ...(note ? { note } : {}),
      ...(verdict === 'fix' ? { fixedAnswer } : {}),
    };
    update(id, { busy: true, error: null });
    try {
      const result = await apiClient.submitQa(id, body);
      update(id, {
        busy: false,
        fixing: false,
        checked: { verdict: result.verdict, status: result.status, fixedAnswer },
      });
    } catch (e) {
      update(id, { busy: false, error: `Could not save your verdict: ${errorMessage(e)}` });
    }
  }

  function act(id: string, action: QaVerdict) {
    if (action === 'fix') update(id, { fixing: true, error: null });
    else void send(id, action);
  }

  // Keep the focused card in view as J and K move through the list.
  useEffect(() => {
    if (focused) refs.current.get(focused.answerId)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focused]);

  useHotkeys(answers.length > 0 && !fixing, (event) => {
    if (isTyping(event) || hasModifier(event)) return false;
    const key = event.key.toLowerCase();
    if (key === 'j') setFocus((i) => Math.min(answers.length - 1, i + 1));
    else if (key === 'k') setFocus((i) => Math.max(0, i - 1));
    else if ((key === 'a' || key === 'r' || key === 'f') && focused) {
      if (cards[focused.answerId]?.busy) return true;
      act(focused.answerId, key === 'a' ? 'accept' : key === 'r' ? 'reject' : 'fix');
    } else return false;
    return true;
  });

  const counts = sample?.counts;
  const checkedNow = Object.values(cards).filter((c) => c.checked).length;

  return (
    <div className="stack" data-testid="qa-tab">
      <section className="card panel" aria-label="QA sampling">
        <div className="panel-head">
          <h2>QA sampling</h2>
        </div>
        <p className="muted">
          Check a random sample of decided answers yourself. Your verdict overrides the quality pass and the
          reviewers, and fixes the item’s label; answers you checked are not sampled again.
        </p>
        <form
          className="qa-draw"
          onSubmit={(e) => {
            e.preventDefault();
            void draw();
          }}
        >
          <label className="field">
            <span>Sample size</span>
            <select value={size} onChange={(e) => setSize(Number(e.target.value))} className="filter-select">
              {SIZES.map((s) => (
                <option key={s} value={s}>
                  {s} answers
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-primary" disabled={loading}>
            {loading ? 'Drawing…' : sample ? 'Draw a new sample' : 'Draw a sample'}
          </button>
        </form>
        {error && (
          <Alert
            action={
              <button type="button" className="btn" onClick={() => void draw()}>
                Retry
              </button>
            }
          >
            {error}
          </Alert>
        )}
        {counts && (
          <dl className="stats review-stats" data-testid="qa-counts">
            <div className="stat">
              <dt>Sampled</dt>
              <dd>{counts.sampled.toLocaleString()}</dd>
            </div>
            <div className="stat">
              <dt>Already checked</dt>
              <dd>
                {(counts.alreadyChecked + checkedNow).toLocaleString()}
                {counts.decided > 0 && (
                  <span className="muted small">
                    {' '}
                    ({formatPercent((counts.alreadyChecked + checkedNow) / counts.decided)})
                  </span>
                )}
              </dd>
            </div>
            <div className="stat">
              <dt>Decided</dt>
              <dd>{counts.decided.toLocaleString()}</dd>
            </div>
          </dl>
        )}
      </section>

      {loading && !sample && <Loading label="Drawing a sample…" />}
      {counts && counts.decided === 0 ? (
        <EmptyState icon="note" title="No answers decided yet">
          <p>
            QA checks answers once the quality pass, the model judge or reviewers have decided them. Run the
            quality pass from the <Link to={`/projects/${project.id}?tab=quality`}>Quality tab</Link> after
            items get their answers.
          </p>
        </EmptyState>
      ) : counts && answers.length === 0 ? (
        <EmptyState icon="check" title="Every decided answer is checked">
          <p>
            You checked all {counts.decided.toLocaleString()} decided answers. Draw again as more are decided.
          </p>
        </EmptyState>
      ) : (
        answers.length > 0 && (
          <>
            <ShortcutLegend
              shortcuts={[
                { keys: ['J', 'K'], action: 'next / previous answer' },
                { keys: ['A'], action: 'accept' },
                { keys: ['R'], action: 'reject' },
                { keys: ['F'], action: 'fix' },
                { keys: ['Esc'], action: 'leave the note or the fix' },
              ]}
            />
            <ol className="qa-cards" aria-label="Sampled answers">
              {answers.map((a, i) => {
                const id = a.answerId;
                return (
                  <QaCard
                    key={id}
                    project={project}
                    answer={a}
                    state={cards[id] ?? FRESH}
                    focused={i === focus}
                    cardRef={(el) => {
                      if (el) refs.current.set(id, el);
                      else refs.current.delete(id);
                    }}
                    onFocus={() => setFocus(i)}
                    onNote={(note) => update(id, { note })}
                    onAction={(action) => act(id, action)}
                    onFix={(fixed) => void send(id, 'fix', fixed)}
                    onFixCancel={() => update(id, { fixing: false })}
                  />
                );
              })}
            </ol>
          </>
        )
      )}
    </div>
  );
}
