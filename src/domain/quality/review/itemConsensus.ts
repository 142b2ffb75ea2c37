import type { Annotation, Answer, AnswerFor, Box, Method, Polygon, Span } from '../../../shared/methods.ts';
import { DomainError } from '../../errors.ts';
import { boxConsensus } from '../aggregate/boxConsensus.ts';
import { polygonConsensus } from '../aggregate/polygonConsensus.ts';
import { ratingConsensus } from '../aggregate/ratingConsensus.ts';
import { spanConsensus } from '../aggregate/spanConsensus.ts';
import { textConsensus } from '../aggregate/textConsensus.ts';
import { checkAgainstConsensus } from './checkAgainstConsensus.ts';
import { encodeWords } from './encodeWords.ts';
import { type MachineReviewRules, machineReviewRules } from './machineReviewRules.ts';
import { normalizeTranscription } from './normalizeTranscription.ts';
import { oneCoinPosterior } from './oneCoinPosterior.ts';
import { parseAnswerShape } from './parseAnswerShape.ts';

/** One worker's answer on the item, with the worker's estimated accuracy on the method. */
export type ItemAnswer = {
  readonly worker: string;
  readonly answer: unknown;
  /** In [0, 1]; 0.7 when unknown. */
  readonly weight?: number;
};

export type ItemConsensus = {
  /** An answer of the project's method, the shape a contributor's answer has. */
  readonly label: Answer;
  /** 0..1; how it is computed depends on the method (see `itemConsensus`). */
  readonly confidence: number;
  /** Answers that agree with the label under the machine review rules (`checkAgainstConsensus`). */
  readonly support: number;
};

/** The accuracy assumed for a worker with no record yet. */
const DEFAULT_WEIGHT = 0.7;
const DEFAULT_RULES = machineReviewRules.parse({});
// The answer schema's caps: a label with more would not pass it.
const MAX_BOXES = 500;
const MAX_POLYGONS = 200;
const MAX_SPANS = 500;

type Parsed<M extends Method> = {
  readonly worker: string;
  readonly answer: AnswerFor<M>;
  readonly weight: number;
};

/**
 * The consensus of one item's answers, for any method, or null when there are none. One answer per worker.
 *
 * - single_choice, pairwise: the posterior under the one-coin model with each weight as the worker's accuracy
 *   (`oneCoinPosterior`); the label is the most probable class (ties to the first in the project's order),
 *   the confidence its posterior probability.
 * - multi_choice: the same posterior per choice (selected or not, two classes); a choice is in the label when
 *   it is more likely selected than not, topped up or cut to the project's min/max by probability. The
 *   confidence is that of the least certain choice, so every choice in or out is at least that sure.
 * - rating: the median (`ratingConsensus`): with three to five ratings a trimmed mean trims nothing and one
 *   outlier would pull it. A median between two steps goes to the one closer to the weighted ratings (the
 *   lower on a tie); the confidence is `ratingConsensus`'s, from the spread of the ratings.
 * - bbox: IoU clustering (`boxConsensus`) at the rules' IoU bar, clusters drawn by half the workers or more
 *   (topped up with the best-supported others to the project's minimum box count).
 * - polygon: the same clustering on polygon IoU (`polygonConsensus`) at the rules' polygon IoU bar, each kept
 *   cluster given by its medoid outline, topped up likewise to the project's minimum polygon count.
 * - span: per-character voting (`spanConsensus`), half the workers or more.
 * - transcription, free_text: the medoid (`textConsensus`) under character edit distance, or word edit
 *   distance for free text.
 * For the last five, the confidence is the weighted mean of the answers' similarity scores to the label
 * (`checkAgainstConsensus`), leaving out the answer a medoid was copied from. That mean is where weights count
 * for these methods: the box, polygon, span and text consensus rules themselves are unweighted, being robust to one bad
 * answer already, and a worker's accuracy on labels says little about how precisely they draw.
 */
export function itemConsensus(
  annotation: Annotation,
  answers: readonly ItemAnswer[],
  rules: MachineReviewRules = DEFAULT_RULES,
): ItemConsensus | null {
  if (answers.length === 0) return null;
  const parse = <M extends Method>(method: M): Parsed<M>[] =>
    answers.map(({ worker, answer, weight = DEFAULT_WEIGHT }) => {
      if (!(weight >= 0 && weight <= 1))
        throw new DomainError(
          'VALIDATION_FAILED',
          `the weight of ${worker} must be in [0, 1], got ${weight}`,
        );
      return { worker, answer: parseAnswerShape(method, answer, `the answer of ${worker}`), weight };
    });
  const supported = (label: Answer, confidence: number): ItemConsensus => ({
    label,
    confidence: Math.max(0, Math.min(1, confidence)),
    support: answers.filter((a) => checkAgainstConsensus(annotation, a.answer, label, rules).agrees).length,
  });
  // Weighted mean similarity to the label; `skip` is the answer the label was copied from.
  const meanScore = (label: Answer, parsed: readonly Parsed<Method>[], skip = -1): number => {
    let sum = 0;
    let total = 0;
    parsed.forEach((a, i) => {
      if (i === skip && parsed.length > 1) return;
      sum += a.weight * checkAgainstConsensus(annotation, a.answer, label, rules).score;
      total += a.weight;
    });
    // Workers all weighted 0 still gave answers: then each counts the same.
    if (total === 0)
      return meanScore(
        label,
        parsed.map((a) => ({ ...a, weight: 1 })),
        skip,
      );
    return sum / total;
  };

  switch (annotation.method) {
    case 'single_choice': {
      const classes = annotation.config.choices.map((c) => c.value);
      const votes = parse('single_choice').map((a) => ({
        vote: classIndex(classes, a.answer.choice, a.worker),
        accuracy: a.weight,
      }));
      const { winner, posterior } = oneCoinPosterior(votes, classes.length);
      return supported({ choice: classes[winner]! }, posterior[winner]!);
    }
    case 'pairwise': {
      const classes: AnswerFor<'pairwise'>['winner'][] = annotation.config.allowTie
        ? ['a', 'b', 'tie']
        : ['a', 'b'];
      const votes = parse('pairwise').map((a) => ({
        vote: classIndex(classes, a.answer.winner, a.worker),
        accuracy: a.weight,
      }));
      const { winner, posterior } = oneCoinPosterior(votes, classes.length);
      return supported({ winner: classes[winner]! }, posterior[winner]!);
    }
    case 'multi_choice': {
      const { choices, minSelected, maxSelected } = annotation.config;
      const values = choices.map((c) => c.value);
      const parsed = parse('multi_choice');
      for (const a of parsed) for (const c of a.answer.choices) classIndex(values, c, a.worker);
      const selected = values.map((value, index) => {
        const votes = parsed.map((a) => ({
          vote: a.answer.choices.includes(value) ? 1 : 0,
          accuracy: a.weight,
        }));
        return { value, index, p: oneCoinPosterior(votes, 2).posterior[1]! };
      });
      // Most likely selected first; equal probabilities in the project's order.
      const ranked = [...selected].sort((x, y) => y.p - x.p || x.index - y.index);
      const most = maxSelected ?? values.length;
      const count = Math.min(most, Math.max(minSelected, ranked.filter((o) => o.p > 0.5).length));
      const chosen = new Set(ranked.slice(0, count).map((o) => o.index));
      const confidence = Math.min(...selected.map((o) => (chosen.has(o.index) ? o.p : 1 - o.p)));
      return supported(
        { choices: selected.filter((o) => chosen.has(o.index)).map((o) => o.value) },
        confidence,
      );
    }
    case 'rating': {
      const { min, max } = annotation.config;
      const parsed = parse('rating');
      const result = ratingConsensus(
        parsed.map((a) => a.answer.value),
        { min, max },
      )!;
      return supported({ value: nearestStep(result.value, parsed) }, result.confidence);
    }
    case 'bbox': {
      const parsed = parse('bbox');
      const { boxes, workerCount } = boxConsensus(
        parsed.map((a) => ({ worker: a.worker, boxes: a.answer.boxes })),
        { iouThreshold: rules.bboxMinIou, minSupport: 0 },
      );
      const kept = boxes.filter((b) => b.workers.length >= 0.5 * workerCount);
      if (kept.length < annotation.config.minBoxes) {
        const others = boxes.filter((b) => !kept.includes(b)).sort((p, q) => q.confidence - p.confidence);
        kept.push(...others.slice(0, annotation.config.minBoxes - kept.length));
      }
      const label: Answer = {
        boxes: capByConfidence(kept, MAX_BOXES)
          .sort((p, q) => p.y - q.y || p.x - q.x)
          .map(({ x, y, w, h, label }): Box => ({ x, y, w, h, label })),
      };
      return supported(label, meanScore(label, parsed));
    }
    case 'polygon': {
      const parsed = parse('polygon');
      const { polygons, workerCount } = polygonConsensus(
        parsed.map((a) => ({ worker: a.worker, polygons: a.answer.polygons })),
        { iouThreshold: rules.polygonMinIou, minSupport: 0 },
      );
      const kept = polygons.filter((p) => p.workers.length >= 0.5 * workerCount);
      const { minPolygons } = annotation.config;
      if (kept.length < minPolygons) {
        const others = polygons.filter((p) => !kept.includes(p)).sort((p, q) => q.confidence - p.confidence);
        kept.push(...others.slice(0, minPolygons - kept.length));
      }
      // Kept in polygonConsensus's reading order, which capping by confidence must not undo.
      const order = new Map(polygons.map((p, i) => [p, i]));
      const label: Answer = {
        polygons: capByConfidence(kept, MAX_POLYGONS)
          .sort((p, q) => order.get(p)! - order.get(q)!)
          .map(({ label, points }): Polygon => ({ label, points })),
      };
      return supported(label, meanScore(label, parsed));
    }
    case 'span': {
      const parsed = parse('span');
      const { spans } = spanConsensus(parsed.map((a) => ({ worker: a.worker, spans: a.answer.spans })));
      const label: Answer = {
        spans: capByConfidence(spans, MAX_SPANS)
          .sort((p, q) => p.start - q.start)
          .map(({ start, end, label }): Span => ({ start, end, label })),
      };
      return supported(label, meanScore(label, parsed));
    }
    case 'transcription': {
      const parsed = parse('transcription');
      const medoid = textConsensus(
        parsed.map((a) => a.answer.text),
        { normalize: normalizeTranscription },
      )!;
      const label: Answer = { text: medoid.text };
      return supported(label, meanScore(label, parsed, medoid.index));
    }
    case 'free_text': {
      const parsed = parse('free_text');
      // Words encoded once for all texts, so the medoid is taken under word edit distance.
      const medoid = textConsensus(encodeWords(parsed.map((a) => a.answer.text)), { normalize: (t) => t })!;
      const label: Answer = { text: parsed[medoid.index]!.answer.text };
      return supported(label, meanScore(label, parsed, medoid.index));
    }
  }
}

/** The class's index in the project's order; an answer outside it means the data and the project disagree. */
function classIndex(classes: readonly string[], value: string, worker: string): number {
  const index = classes.indexOf(value);
  if (index < 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `the answer of ${worker} gives "${value}", which is not one of: ${classes.join(', ')}`,
    );
  return index;
}

/** A whole rating for a median that may fall between two steps: the step closer to the weighted ratings. */
function nearestStep(median: number, parsed: readonly Parsed<'rating'>[]): number {
  const low = Math.floor(median);
  if (low === median) return low;
  const cost = (step: number) =>
    parsed.reduce((sum, a) => sum + a.weight * Math.abs(a.answer.value - step), 0);
  return cost(low + 1) < cost(low) ? low + 1 : low;
}

/** At most `limit` entries, the most confident kept. */
function capByConfidence<T extends { readonly confidence: number }>(list: readonly T[], limit: number): T[] {
  if (list.length <= limit) return [...list];
  return [...list].sort((p, q) => q.confidence - p.confidence).slice(0, limit);
}
