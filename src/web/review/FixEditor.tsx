import { type ReactNode, useCallback, useEffect, useState } from 'react';
import {
  type Annotation,
  type AnswerFor,
  answerSchemaFor,
  answerShapes,
  type ItemData,
  type Method,
  type Modality,
} from '../../shared/methods.ts';
import { Bbox } from '../annotate/Bbox.tsx';
import { FreeText } from '../annotate/FreeText.tsx';
import { MultiChoice } from '../annotate/MultiChoice.tsx';
import { Pairwise } from '../annotate/Pairwise.tsx';
import { Polygon } from '../annotate/Polygon.tsx';
import { Rating } from '../annotate/Rating.tsx';
import { SingleChoice } from '../annotate/SingleChoice.tsx';
import { Span } from '../annotate/Span.tsx';
import { Transcription } from '../annotate/Transcription.tsx';
import { hasModifier, isTyping } from '../annotate/useHotkeys.ts';
import { Alert } from '../components/Alert.tsx';
import { Kbd } from '../components/Kbd.tsx';

/** The stored answer as the method's component takes it, or nothing to start from when it has another shape. */
function startFrom<M extends Method>(method: M, answer: unknown): AnswerFor<M> | undefined {
  const parsed = answerShapes[method].safeParse(answer);
  return parsed.success ? (parsed.data as AnswerFor<M>) : undefined;
}

/**
 * The method's annotation workspace opened on an existing answer, so a reviewer or requester corrects it
 * rather than starting over. The corrected answer is checked against the project's schema, as a contributor's
 * is, before `onFix` gets it. Escape (outside a text box) goes back.
 */
export function FixEditor({
  annotation,
  modality,
  data,
  answer,
  busy,
  error,
  onFix,
  onCancel,
}: {
  annotation: Annotation;
  modality: Modality;
  data: ItemData;
  answer: unknown;
  busy: boolean;
  /** A refusal from the server, shown above the workspace. */
  error?: string | null;
  onFix: (fixed: unknown) => void;
  onCancel: () => void;
}) {
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);

  const submit = useCallback(
    (fixed: unknown) => {
      if (busy) return;
      const checked = answerSchemaFor(annotation, data).safeParse(fixed);
      if (!checked.success) {
        setMessage({ tone: 'error', text: checked.error.issues[0]?.message ?? 'This answer is not valid.' });
        return;
      }
      setMessage(null);
      onFix(checked.data);
    },
    [annotation, data, busy, onFix],
  );
  const hint = useCallback((text: string) => setMessage({ tone: 'info', text }), []);

  // On window, so the method's own Escape (deselect a box, drop a half-drawn polygon, leave the reason box) goes first.
  useEffect(() => {
    if (busy) return;
    function listener(event: KeyboardEvent) {
      if (event.defaultPrevented || isTyping(event) || hasModifier(event)) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onCancel();
      }
    }
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [busy, onCancel]);

  const common = { data, modality, active: !busy, submitting: busy, onSubmit: submit, onHint: hint };
  let body: ReactNode;
  switch (annotation.method) {
    case 'single_choice':
      body = (
        <SingleChoice config={annotation.config} initial={startFrom('single_choice', answer)} {...common} />
      );
      break;
    case 'multi_choice':
      body = (
        <MultiChoice config={annotation.config} initial={startFrom('multi_choice', answer)} {...common} />
      );
      break;
    case 'span':
      body = <Span config={annotation.config} initial={startFrom('span', answer)} {...common} />;
      break;
    case 'bbox':
      body = <Bbox config={annotation.config} initial={startFrom('bbox', answer)} {...common} />;
      break;
    case 'polygon':
      body = <Polygon config={annotation.config} initial={startFrom('polygon', answer)} {...common} />;
      break;
    case 'transcription':
      body = (
        <Transcription config={annotation.config} initial={startFrom('transcription', answer)} {...common} />
      );
      break;
    case 'pairwise':
      body = <Pairwise config={annotation.config} initial={startFrom('pairwise', answer)} {...common} />;
      break;
    case 'rating':
      body = <Rating config={annotation.config} initial={startFrom('rating', answer)} {...common} />;
      break;
    case 'free_text':
      body = <FreeText config={annotation.config} initial={startFrom('free_text', answer)} {...common} />;
      break;
  }

  return (
    <section className="fix-editor" aria-label="Fix the answer">
      <header className="fix-editor-head">
        <div>
          <h3>Fix the answer</h3>
          <p className="muted small">
            The workspace starts from this answer. Correct it and submit: your version becomes the item’s
            label.
          </p>
        </div>
        <button type="button" className="btn btn-quiet" onClick={onCancel} disabled={busy}>
          Back <Kbd>Esc</Kbd>
        </button>
      </header>
      {error && <Alert>{error}</Alert>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {body}
    </section>
  );
}
