import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { Assignment } from '../../shared/api.ts';
import { type Annotation, answerSchemaFor, type Modality } from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { Kbd } from '../components/Kbd.tsx';
import { SkipDialog, type SkipReason } from '../components/SkipDialog.tsx';
import { errorMessage } from '../lib/apiClient.ts';
import { Bbox } from './Bbox.tsx';
import { FreeText } from './FreeText.tsx';
import { MultiChoice } from './MultiChoice.tsx';
import { Pairwise } from './Pairwise.tsx';
import { Polygon } from './Polygon.tsx';
import { Rating } from './Rating.tsx';
import { SingleChoice } from './SingleChoice.tsx';
import { Span } from './Span.tsx';
import { Transcription } from './Transcription.tsx';
import { hasModifier, isTyping } from './useHotkeys.ts';

export type WorkspaceProps = {
  annotation: Annotation;
  modality: Modality;
  assignment: Assignment;
  /** Sends a validated answer; a thrown error is shown in place and the contributor can try again. */
  onAnswer: (answer: unknown, durationMs: number) => Promise<void>;
  onSkip: (reason: SkipReason, note: string) => Promise<void>;
  /** Shown above the item (progress, lease countdown). */
  header?: ReactNode;
  /** Set when the lease ran out: shortcuts stop and the message says why. */
  expired?: boolean;
};

/**
 * Shows one assignment in its method's component, validates the answer against the method's
 * schema before sending, and offers a skip with reason (S). Key by assignment id so every item
 * starts fresh.
 */
export function Workspace({
  annotation,
  modality,
  assignment,
  onAnswer,
  onSkip,
  header,
  expired = false,
}: WorkspaceProps) {
  const startedAt = useRef(performance.now());
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const active = !busy && !skipping && !expired;
  const data = assignment.item.data;

  const submit = useCallback(
    async (answer: unknown) => {
      if (busy) return;
      const checked = answerSchemaFor(annotation, data).safeParse(answer);
      if (!checked.success) {
        setMessage({ tone: 'error', text: checked.error.issues[0]?.message ?? 'This answer is not valid.' });
        return;
      }
      setBusy(true);
      setMessage(null);
      try {
        await onAnswer(checked.data, Math.round(performance.now() - startedAt.current));
      } catch (e) {
        setMessage({ tone: 'error', text: `Could not submit: ${errorMessage(e)}` });
        setBusy(false);
      }
    },
    [annotation, data, onAnswer, busy],
  );

  async function skip(reason: SkipReason, note: string) {
    setBusy(true);
    try {
      await onSkip(reason, note);
    } catch (e) {
      setMessage({ tone: 'error', text: `Could not skip: ${errorMessage(e)}` });
      setBusy(false);
      setSkipping(false);
    }
  }

  const hint = useCallback((text: string) => setMessage({ tone: 'info', text }), []);

  // On window, so it runs after the method's own shortcuts (on document) and only if they left the key alone.
  useEffect(() => {
    if (!active) return;
    function listener(event: KeyboardEvent) {
      if (event.defaultPrevented || isTyping(event) || hasModifier(event)) return;
      if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        setSkipping(true);
      }
    }
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active]);

  const common = { data, modality, active, submitting: busy, onSubmit: submit, onHint: hint };
  let body: ReactNode;
  switch (annotation.method) {
    case 'single_choice':
      body = <SingleChoice config={annotation.config} {...common} />;
      break;
    case 'multi_choice':
      body = <MultiChoice config={annotation.config} {...common} />;
      break;
    case 'span':
      body = <Span config={annotation.config} {...common} />;
      break;
    case 'bbox':
      body = <Bbox config={annotation.config} {...common} />;
      break;
    case 'polygon':
      body = <Polygon config={annotation.config} {...common} />;
      break;
    case 'transcription':
      body = <Transcription config={annotation.config} {...common} />;
      break;
    case 'pairwise':
      body = <Pairwise config={annotation.config} {...common} />;
      break;
    case 'rating':
      body = <Rating config={annotation.config} {...common} />;
      break;
    case 'free_text':
      body = <FreeText config={annotation.config} {...common} />;
      break;
  }

  return (
    <section className="workspace card" aria-label="Annotation workspace" data-assignment={assignment.id}>
      <header className="workspace-header">
        {header}
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => setSkipping(true)}
          disabled={busy || expired}
        >
          Skip <Kbd>S</Kbd>
        </button>
      </header>
      {expired && (
        <Alert tone="warning" title="Your time on this item ran out">
          It went back to the pool so someone else can label it.
        </Alert>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {body}
      {skipping && <SkipDialog busy={busy} onCancel={() => setSkipping(false)} onSkip={skip} />}
    </section>
  );
}
