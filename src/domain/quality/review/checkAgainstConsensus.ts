import type { Annotation, AnswerFor, Method } from '../../../shared/methods.ts';
import { summarizeAnswer } from '../screening/summarizeAnswer.ts';
import { boxAgreement } from './boxAgreement.ts';
import { choiceJaccard } from './choiceJaccard.ts';
import { formatRatio } from './formatRatio.ts';
import { type MachineReviewRules, machineReviewRules } from './machineReviewRules.ts';
import { parseAnswerShape } from './parseAnswerShape.ts';
import { polygonAgreement } from './polygonAgreement.ts';
import { spanF1 } from './spanF1.ts';
import { type TextSimilarity, textSimilarity } from './textSimilarity.ts';
import { wordSimilarity } from './wordSimilarity.ts';

/** The machine's view of one answer next to its item's consensus. */
export type ConsensusCheck = {
  /** The answer is close enough to the consensus under the rules. */
  readonly agrees: boolean;
  /** Similarity to the consensus, 0..1 (1 = the same); what `agrees` compares with the method's bar. */
  readonly score: number;
  /** One or two sentences a reviewer reads, with the numbers behind the outcome. */
  readonly reason: string;
};

const DEFAULT_RULES = machineReviewRules.parse({});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const versus = (value: number, bar: number) => `${value >= bar ? 'at least' : 'below'} ${bar.toFixed(2)}`;
const winner = (w: AnswerFor<'pairwise'>['winner']) => (w === 'tie' ? 'a tie' : `${w.toUpperCase()} wins`);

/**
 * Compares an answer with its item's consensus label (or a reviewer's correction), both answer-shaped:
 * exact for single choice and pairwise, Jaccard for multiple choice, distance on the scale for ratings, IoU of
 * one-to-one matched boxes or polygons, character F1 for spans, character edit distance for transcriptions and word edit
 * distance for free text. Throws a DomainError when either value does not fit the method's answer shape.
 */
export function checkAgainstConsensus(
  annotation: Annotation,
  answer: unknown,
  consensus: unknown,
  rules: MachineReviewRules = DEFAULT_RULES,
): ConsensusCheck {
  const parse = <M extends Method>(method: M) => ({
    a: parseAnswerShape(method, answer, 'the answer'),
    c: parseAnswerShape(method, consensus, 'the consensus'),
  });
  switch (annotation.method) {
    case 'single_choice': {
      const { a, c } = parse('single_choice');
      const agrees = a.choice === c.choice;
      const chose = `Chose ${summarizeAnswer(annotation, a)}`;
      return agrees
        ? { agrees, score: 1, reason: `${chose}, as the consensus did.` }
        : { agrees, score: 0, reason: `${chose}; the consensus is ${summarizeAnswer(annotation, c)}.` };
    }
    case 'pairwise': {
      const { a, c } = parse('pairwise');
      const agrees = a.winner === c.winner;
      return agrees
        ? { agrees, score: 1, reason: `Answered ${winner(a.winner)}, as the consensus did.` }
        : { agrees, score: 0, reason: `Answered ${winner(a.winner)}; the consensus is ${winner(c.winner)}.` };
    }
    case 'multi_choice': {
      const { a, c } = parse('multi_choice');
      const score = choiceJaccard(a.choices, c.choices);
      const bar = rules.multiChoiceMinJaccard;
      const selected =
        a.choices.length === 0 ? 'Selected nothing' : `Selected ${summarizeAnswer(annotation, a)}`;
      if (score === 1) return { agrees: true, score, reason: `${selected}, as the consensus did.` };
      return {
        agrees: score >= bar,
        score,
        reason:
          `${selected}; Jaccard overlap ${formatRatio(score, bar)} with the consensus ` +
          `(${summarizeAnswer(annotation, c)}), ${versus(score, bar)}.`,
      };
    }
    case 'rating': {
      const { a, c } = parse('rating');
      const { min, max } = annotation.config;
      const width = max - min;
      const distance = Math.abs(a.value - c.value);
      // Ratings are whole steps; the small slack keeps 0.25 × 4 from missing 1 by a rounding error.
      const allowed = Math.floor(rules.ratingMaxDistance * width + 1e-9);
      const score = Math.max(0, 1 - distance / width);
      const agrees = distance <= allowed;
      if (distance === 0) return { agrees, score, reason: `Rated ${a.value}, as the consensus did.` };
      const scale = `on the ${min}–${max} scale`;
      const limit =
        allowed === 0
          ? `only the same rating agrees ${scale}`
          : `${agrees ? '' : 'only '}up to ${plural(allowed, 'step', 'steps')} agrees ${scale}`;
      return {
        agrees,
        score,
        reason: `Rated ${a.value}, ${plural(distance, 'step', 'steps')} from the consensus ${c.value}; ${limit}.`,
      };
    }
    case 'bbox': {
      const { a, c } = parse('bbox');
      const bar = rules.bboxMinIou;
      const n = a.boxes.length;
      const m = c.boxes.length;
      if (n === 0 && m === 0)
        return { agrees: true, score: 1, reason: 'Drew no boxes, as the consensus did.' };
      if (n === 0) return { agrees: false, score: 0, reason: `Drew no boxes; the consensus has ${m}.` };
      if (m === 0)
        return {
          agrees: false,
          score: 0,
          reason: `Drew ${plural(n, 'box', 'boxes')}; the consensus has none.`,
        };
      const { score, matched } = boxAgreement(a.boxes, c.boxes);
      const agrees = score >= bar;
      if (n === 1 && m === 1) {
        const [box, ref] = [a.boxes[0]!, c.boxes[0]!];
        const labels =
          box.label === ref.label ? '' : ` (labelled "${box.label}", the consensus "${ref.label}")`;
        return {
          agrees,
          score,
          reason: `IoU ${formatRatio(score, bar)} with the consensus box${labels}, ${versus(score, bar)}.`,
        };
      }
      return {
        agrees,
        score,
        reason:
          `Drew ${plural(n, 'box', 'boxes')}, the consensus ${m}, ${matched} matched; ` +
          `mean IoU ${formatRatio(score, bar)} (an unmatched box counts 0), ${versus(score, bar)}.`,
      };
    }
    case 'polygon': {
      const { a, c } = parse('polygon');
      const bar = rules.polygonMinIou;
      const n = a.polygons.length;
      const m = c.polygons.length;
      if (n === 0 && m === 0)
        return { agrees: true, score: 1, reason: 'Drew no polygons, as the consensus did.' };
      if (n === 0) return { agrees: false, score: 0, reason: `Drew no polygons; the consensus has ${m}.` };
      if (m === 0)
        return {
          agrees: false,
          score: 0,
          reason: `Drew ${plural(n, 'polygon', 'polygons')}; the consensus has none.`,
        };
      const { score, matched } = polygonAgreement(a.polygons, c.polygons);
      const agrees = score >= bar;
      if (n === 1 && m === 1) {
        const [polygon, ref] = [a.polygons[0]!, c.polygons[0]!];
        const labels =
          polygon.label === ref.label ? '' : ` (labelled "${polygon.label}", the consensus "${ref.label}")`;
        return {
          agrees,
          score,
          reason: `IoU ${formatRatio(score, bar)} with the consensus polygon${labels}, ${versus(score, bar)}.`,
        };
      }
      return {
        agrees,
        score,
        reason:
          `Drew ${plural(n, 'polygon', 'polygons')}, the consensus ${m}, ${matched} matched; ` +
          `mean IoU ${formatRatio(score, bar)} (an unmatched polygon counts 0), ${versus(score, bar)}.`,
      };
    }
    case 'span': {
      const { a, c } = parse('span');
      const bar = rules.spanMinF1;
      const n = a.spans.length;
      const m = c.spans.length;
      if (n === 0 && m === 0)
        return { agrees: true, score: 1, reason: 'Marked no spans, as the consensus did.' };
      if (n === 0) return { agrees: false, score: 0, reason: `Marked no spans; the consensus has ${m}.` };
      if (m === 0)
        return {
          agrees: false,
          score: 0,
          reason: `Marked ${plural(n, 'span', 'spans')}; the consensus has none.`,
        };
      const { f1, precision, recall } = spanF1(a.spans, c.spans);
      return {
        agrees: f1 >= bar,
        score: f1,
        reason:
          `Marked ${plural(n, 'span', 'spans')}, the consensus ${m}; character F1 ${formatRatio(f1, bar)} ` +
          `(precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}), ${versus(f1, bar)}.`,
      };
    }
    case 'transcription': {
      const { a, c } = parse('transcription');
      return textCheck(textSimilarity(a.text, c.text), rules.transcriptionMinSimilarity, {
        same: 'The transcription matches the consensus.',
        measure: 'Character similarity',
        edits: ['edit', 'edits'],
        units: ['character', 'characters'],
        of: 'transcription',
      });
    }
    case 'free_text': {
      const { a, c } = parse('free_text');
      return textCheck(wordSimilarity(a.text, c.text), rules.freeTextMinSimilarity, {
        same: 'The text has the same words as the consensus.',
        measure: 'Word similarity',
        edits: ['word edit', 'word edits'],
        units: ['word', 'words'],
        of: 'text',
      });
    }
  }
}

type TextWords = {
  readonly same: string;
  readonly measure: string;
  readonly edits: readonly [string, string];
  readonly units: readonly [string, string];
  readonly of: string;
};

function textCheck(
  { similarity, distance, length }: TextSimilarity,
  bar: number,
  words: TextWords,
): ConsensusCheck {
  if (distance === 0) return { agrees: true, score: 1, reason: words.same };
  return {
    agrees: similarity >= bar,
    score: similarity,
    reason:
      `${words.measure} ${formatRatio(similarity, bar)} with the consensus ${words.of} ` +
      `(${plural(distance, ...words.edits)} over ${plural(length, ...words.units)}), ` +
      `${versus(similarity, bar)}.`,
  };
}
