import { answerShapes, type Method } from '../../shared/methods.ts';

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A one-line rendering of an answer, by method; falls back to compact JSON. */
export function answerText(method: Method, answer: unknown): string {
  switch (method) {
    case 'single_choice': {
      const a = answerShapes.single_choice.safeParse(answer);
      if (a.success) return a.data.choice;
      break;
    }
    case 'multi_choice': {
      const a = answerShapes.multi_choice.safeParse(answer);
      if (a.success) return a.data.choices.length ? a.data.choices.join(', ') : '(none)';
      break;
    }
    case 'span': {
      const a = answerShapes.span.safeParse(answer);
      if (a.success) {
        if (a.data.spans.length === 0) return 'no spans';
        const labels = a.data.spans.map((s) => s.label);
        return `${a.data.spans.length} span${a.data.spans.length === 1 ? '' : 's'}: ${truncate(labels.join(', '), 60)}`;
      }
      break;
    }
    case 'bbox': {
      const a = answerShapes.bbox.safeParse(answer);
      if (a.success) {
        if (a.data.boxes.length === 0) return 'no boxes';
        const labels = a.data.boxes.map((b) => b.label);
        return `${a.data.boxes.length} box${a.data.boxes.length === 1 ? '' : 'es'}: ${truncate(labels.join(', '), 60)}`;
      }
      break;
    }
    case 'polygon': {
      const a = answerShapes.polygon.safeParse(answer);
      if (a.success) {
        if (a.data.polygons.length === 0) return 'no polygons';
        const labels = a.data.polygons.map((p) => p.label);
        return `${a.data.polygons.length} polygon${a.data.polygons.length === 1 ? '' : 's'}: ${truncate(labels.join(', '), 60)}`;
      }
      break;
    }
    case 'transcription':
    case 'free_text': {
      const a = answerShapes.free_text.safeParse(answer);
      if (a.success) return `“${truncate(a.data.text)}”`;
      break;
    }
    case 'pairwise': {
      const a = answerShapes.pairwise.safeParse(answer);
      if (a.success) {
        const winner = a.data.winner === 'tie' ? 'Tie' : `${a.data.winner.toUpperCase()} is better`;
        return a.data.reason ? `${winner} — ${truncate(a.data.reason, 60)}` : winner;
      }
      break;
    }
    case 'rating': {
      const a = answerShapes.rating.safeParse(answer);
      if (a.success) return `Rated ${a.data.value}`;
      break;
    }
  }
  return truncate(JSON.stringify(answer) ?? '', 100);
}

/** The answer of one history entry, compact. */
export function AnswerSummary({ method, answer }: { method: Method; answer: unknown }) {
  return <span className="answer-summary">{answerText(method, answer)}</span>;
}
