import type { Annotation } from '../../../shared/methods.ts';
import type { QualitySettings } from '../../../shared/qualitySettings.ts';
import { canonicalJson } from '../../ledger/canonicalJson.ts';
import { CATEGORICAL_METHODS } from '../aggregate/categoricalMethods.ts';
import { dawidSkene } from '../aggregate/dawidSkene.ts';
import { type AnswerTriple, encodeAnswers } from '../aggregate/encodeAnswers.ts';
import { checkAgainstConsensus } from '../review/checkAgainstConsensus.ts';
import { itemConsensus } from '../review/itemConsensus.ts';
import { belowGoldBar } from '../screening/belowGoldBar.ts';
import type { Verdict, VerdictOutcome } from '../screening/verdict.ts';
import { detectSybils, type SybilKind } from '../sybil/detectSybils.ts';

export type AnswerStatus = 'pending' | 'review' | 'approved' | 'rejected';
export type DecidedBy = 'screening' | 'gold' | 'machine' | 'judge' | 'review' | 'qa' | 'sybil';

export type PassAnswer = {
  readonly id: string;
  readonly itemId: string;
  readonly userId: string;
  readonly answer: unknown;
  readonly status: AnswerStatus;
  readonly decidedBy: DecidedBy | null;
  readonly screenOutcome: VerdictOutcome;
  readonly screening: readonly Verdict[];
  /** Answers on gold items: whether it matched the gold answer. */
  readonly isCorrect: boolean | null;
  readonly isGold: boolean;
};

export type PassItem = {
  /** Answers the item asks for now; null means the project's overlap. */
  readonly needed: number | null;
  /** Every work answer stored on it, whoever gave it. */
  readonly answerCount: number;
};

export type PassFlag = {
  readonly userId: string;
  readonly kind: SybilKind;
  readonly status: 'open' | 'confirmed' | 'cleared';
  readonly evidence: string;
};

export type QualityPassInput = {
  readonly annotation: Annotation;
  readonly settings: QualitySettings;
  readonly overlap: number;
  /** Every work item with at least one work answer, by id. */
  readonly items: ReadonlyMap<string, PassItem>;
  /** Every work answer in the project (gold items included). */
  readonly answers: readonly PassAnswer[];
  /** Each contributor's estimated accuracy on this method; unknown contributors weigh as the default. */
  readonly accuracy: ReadonlyMap<string, number>;
  /** Flags already on record for contributors in this project. */
  readonly flags: readonly PassFlag[];
  /** A model judge is configured on the server and the project asks for it. */
  readonly judge: boolean;
  /** Labels a reviewer or the requester fixed, by item: they stand over any aggregate. */
  readonly fixed?: ReadonlyMap<string, unknown>;
  /** The project is closed: no more answers will come, so every item settles on what it has. */
  readonly closed?: boolean;
};

export type ItemLabel = {
  readonly itemId: string;
  readonly label: unknown;
  readonly confidence: number;
  /** Answers the label rests on (excluded contributors' answers are not among them). */
  readonly answerCount: number;
  readonly isFinal: boolean;
};

export type Decision = {
  readonly answerId: string;
  readonly userId: string;
  /** The status the answer must still have for the decision to apply: a person may have decided meanwhile. */
  readonly from: AnswerStatus;
  /** And who had decided it (a requester's accept keeps the status but changes this). */
  readonly fromDecidedBy: DecidedBy | null;
  readonly status: AnswerStatus;
  readonly decidedBy: DecidedBy | null;
  readonly reason: string;
  readonly consensusScore: number | null;
  readonly consensusAgrees: boolean | null;
  /** Ask the model judge before a person: its approve or reject replaces this decision. */
  readonly askJudge: boolean;
};

export type NewFlag = {
  readonly userId: string;
  readonly kind: SybilKind;
  readonly score: number;
  readonly evidence: string;
  readonly peers: readonly string[];
};

export type QualityPassResult = {
  readonly method: string;
  readonly labels: readonly ItemLabel[];
  /** Items whose number of answers wanted changes: more where unsure, fewer where already sure. */
  readonly needed: readonly { readonly itemId: string; readonly needed: number }[];
  readonly decisions: readonly Decision[];
  readonly flags: readonly NewFlag[];
};

/** The most answers an item can ask for (the schema's bound on overlap). */
const MAX_NEEDED = 50;
/** Methods whose answers are one of a fixed set of classes: aggregated with the project's truth-inference method. */
const CLASS_METHODS = new Set(['single_choice', 'pairwise']);
/** Methods whose answers can be compared by equality for spam detection (a class per distinct answer). */
const DISCRETE_METHODS = new Set(['single_choice', 'pairwise', 'rating', 'multi_choice']);
/** Free text collects new data: every answer is its own; there is no consensus to agree with. */
const COLLECTION_METHODS = new Set(['free_text']);
/** Decisions only the pass makes, which a later flag may reverse; a person's decision is never reversed. */
const MACHINE_DECIDERS = new Set<DecidedBy | null>(['machine', 'judge', 'gold']);

/**
 * One quality pass over a project, pure: detect spammers, aggregate every item's answers into a label with a
 * confidence, grow or shrink each item's overlap (dynamic overlap), and decide the answers whose items are
 * settled — by gold, screening, agreement with the consensus, or by sending them to review. Deterministic:
 * the same input gives the same output, so running a pass twice changes nothing.
 */
export function qualityPass(input: QualityPassInput): QualityPassResult {
  const { annotation, settings, items } = input;
  const method = annotation.method;
  const countable = input.answers.filter((a) => !a.isGold && counts(a));

  // 1. Spammers: their answers leave aggregation and pay.
  const cleared = new Set(
    input.flags.filter((f) => f.status === 'cleared').map((f) => `${f.userId}:${f.kind}`),
  );
  const flags = DISCRETE_METHODS.has(method) ? findSybils(countable, cleared) : [];
  const excluded = new Map<string, { by: DecidedBy; why: string }>();
  for (const f of input.flags)
    if (f.status !== 'cleared') excluded.set(f.userId, { by: 'sybil', why: f.evidence });
  for (const f of flags)
    if (!excluded.has(f.userId)) excluded.set(f.userId, { by: 'sybil', why: f.evidence });
  // Contributors stopped by the gold bar: their answers are no better than their control answers.
  for (const [userId, why] of stoppedByGold(input.answers, settings))
    if (!excluded.has(userId)) excluded.set(userId, { by: 'gold', why });

  // 2. Aggregation over what is left.
  const byItem = new Map<string, PassAnswer[]>();
  for (const a of countable) {
    if (excluded.has(a.userId)) continue;
    const list = byItem.get(a.itemId);
    if (list) list.push(a);
    else byItem.set(a.itemId, [a]);
  }
  const { labels: consensus, method: aggregation } = aggregate(annotation, settings, byItem, input.accuracy);

  // 3. Dynamic overlap: which items are settled, which ask for more.
  const { confidence: threshold, minAnswers, maxOverlap } = settings.aggregation;
  const labels: ItemLabel[] = [];
  const needed: { itemId: string; needed: number }[] = [];
  const settled = new Map<string, { label: unknown; confident: boolean }>();
  for (const [itemId, item] of items) {
    const want = item.needed ?? input.overlap;
    const c = consensus.get(itemId);
    const support = byItem.get(itemId)?.length ?? 0;
    let isFinal = false;
    const fixedLabel = input.fixed?.get(itemId);
    if (fixedLabel !== undefined) {
      // A person settled it: their label decides its answers, and it asks for no more.
      settled.set(itemId, { label: fixedLabel, confident: true });
      if (item.answerCount < want) needed.push({ itemId, needed: Math.max(item.answerCount, 1) });
      continue;
    }
    if (c && support >= minAnswers && c.confidence >= threshold) {
      isFinal = true;
      settled.set(itemId, { label: c.label, confident: true });
      // Sure already: stop handing it out.
      if (item.answerCount < want) needed.push({ itemId, needed: Math.max(item.answerCount, 1) });
    } else if (item.answerCount >= want) {
      // Ask for one more answer, or as many as it takes to reach minAnswers when spam left the item short.
      // maxOverlap caps the answers that count; excluded spam does not use it up, but an item never asks
      // for more than twice that in all.
      const more = Math.min(maxOverlap * 2, MAX_NEEDED, item.answerCount + Math.max(1, minAnswers - support));
      if (support < maxOverlap && more > item.answerCount && !input.closed)
        needed.push({ itemId, needed: more });
      else if (c) {
        // As many answers as it may have, still unsure: its answers are decided on the best guess (or by people),
        // but the label stays short of final: it did not meet the project's bar.
        settled.set(itemId, { label: c.label, confident: false });
      }
    }
    // A closed project takes no more answers: what is still open settles on its best guess.
    if (input.closed && c && !settled.has(itemId)) settled.set(itemId, { label: c.label, confident: false });
    if (c) labels.push({ itemId, label: c.label, confidence: c.confidence, answerCount: support, isFinal });
  }

  // 4. Decisions.
  const decisions: Decision[] = [];
  const review = settings.review.enabled;
  const judge = input.judge;
  for (const a of input.answers) {
    const spam = excluded.get(a.userId);
    if (a.status !== 'pending') {
      // A flag reverses what the machine approved, and takes answers out of the review queue.
      const reversible =
        (a.status === 'approved' && MACHINE_DECIDERS.has(a.decidedBy)) || a.status === 'review';
      if (spam && reversible) decisions.push(decide(a, 'rejected', spam.by, spam.why));
      continue;
    }
    if (spam) {
      // Still measured against the label where there is one: it is evidence of the contributor's accuracy.
      const item = a.isGold ? undefined : settled.get(a.itemId);
      const check =
        item && !COLLECTION_METHODS.has(method)
          ? checkAgainstConsensus(annotation, a.answer, item.label)
          : null;
      decisions.push({
        ...decide(a, 'rejected', spam.by, spam.why),
        ...(check ? { consensusScore: check.score, consensusAgrees: check.agrees } : {}),
      });
      continue;
    }
    if (a.isGold) {
      const goldVerdict = a.screening.find((v) => v.rule === 'gold_wrong');
      decisions.push(
        a.isCorrect
          ? decide(a, 'approved', 'gold', 'Matches the control answer.')
          : decide(a, 'rejected', 'gold', goldVerdict?.reason ?? 'Does not match the control answer.'),
      );
      continue;
    }
    if (a.screenOutcome === 'reject') {
      const why = a.screening.filter((v) => v.outcome === 'reject').map((v) => v.reason);
      decisions.push(decide(a, 'rejected', 'screening', why.join(' ') || 'Refused by screening.'));
      continue;
    }
    const flagged = a.screenOutcome === 'flag';
    const flagReason = a.screening
      .filter((v) => v.outcome === 'flag')
      .map((v) => v.reason)
      .join(' ');
    if (COLLECTION_METHODS.has(method)) {
      if (judge || (flagged && review))
        decisions.push({
          ...decide(a, 'review', null, flagReason || 'Waiting for the judge.'),
          askJudge: judge,
        });
      else decisions.push(decide(a, 'approved', 'machine', flagReason || 'Collected text passed screening.'));
      continue;
    }
    const item = settled.get(a.itemId);
    if (!item) continue; // its item still collects answers
    const check = checkAgainstConsensus(annotation, a.answer, item.label);
    const scored = { consensusScore: check.score, consensusAgrees: check.agrees };
    if (check.agrees && !flagged)
      decisions.push({ ...decide(a, 'approved', 'machine', check.reason), ...scored });
    else if (item.confident && !check.agrees && !flagged)
      decisions.push({ ...decide(a, 'rejected', 'machine', check.reason), ...scored });
    else if (review || judge)
      // Flagged by screening, or an unsure item: a person (or the judge first) decides.
      decisions.push({
        ...decide(a, 'review', null, [flagReason, check.reason].filter(Boolean).join(' ')),
        ...scored,
        askJudge: judge,
      });
    else
      decisions.push({
        ...decide(
          a,
          check.agrees ? 'approved' : 'rejected',
          'machine',
          [flagReason, check.reason].join(' ').trim(),
        ),
        ...scored,
      });
  }
  return { method: aggregation, labels, needed, decisions, flags };

  function findSybils(answers: readonly PassAnswer[], clearedFlags: Set<string>): NewFlag[] {
    if (answers.length === 0) return [];
    const triples: AnswerTriple[] = answers.map((a) => ({
      item: a.itemId,
      worker: a.userId,
      label: canonicalJson(a.answer),
    }));
    const encoded = encodeAnswers(triples);
    // The reference each worker is measured against: the plain majority, blind to anyone's reputation.
    const reference = CATEGORICAL_METHODS.mv.run(encoded.answers).labels;
    const guess = CLASS_METHODS.has(method)
      ? 1 / classCount(annotation)
      : 1 / Math.max(2, encoded.classIds.length);
    // Flagging excludes all of a contributor's work, so only agreement close to guessing counts: a sixth of the
    // way from chance to perfect (58% on a yes/no task), not the detector's default quarter, which caught weak
    // but honest contributors (60–65% on yes/no) in the simulated crowd. Gold catches the guessers it spares.
    const options = {
      ...(CLASS_METHODS.has(method) ? { chanceAgreement: guess } : {}),
      randomClickers: { margin: (1 - guess) / 6 },
    };
    return detectSybils(encoded.answers, reference, options)
      .map((f) => ({
        userId: encoded.workerIds[f.worker]!,
        kind: f.kind,
        score: f.score,
        evidence: f.evidence,
        peers: (f.peers ?? []).map((p) => encoded.workerIds[p]!),
      }))
      .filter((f) => !clearedFlags.has(`${f.userId}:${f.kind}`));
  }
}

/** Contributors whose accuracy on gold items is under the project's bar, with the reason in numbers. */
function stoppedByGold(answers: readonly PassAnswer[], settings: QualitySettings): Map<string, string> {
  const tally = new Map<string, { correct: number; total: number }>();
  for (const a of answers) {
    if (a.isCorrect === null) continue;
    const t = tally.get(a.userId) ?? { correct: 0, total: 0 };
    t.total++;
    if (a.isCorrect) t.correct++;
    tally.set(a.userId, t);
  }
  const out = new Map<string, string>();
  for (const [userId, t] of tally) {
    const below = belowGoldBar(t.correct, t.total, settings.gold);
    if (below) out.set(userId, `Stopped by the gold bar: ${below}. Their answers are not used.`);
  }
  return out;
}

/** Whether an answer still counts as evidence: not refused by screening, a reviewer or the requester. */
function counts(a: PassAnswer): boolean {
  if (a.screenOutcome === 'reject') return false;
  return !(a.status === 'rejected' && (a.decidedBy === 'review' || a.decidedBy === 'qa'));
}

function decide(a: PassAnswer, status: AnswerStatus, decidedBy: DecidedBy | null, reason: string): Decision {
  return {
    answerId: a.id,
    userId: a.userId,
    from: a.status,
    fromDecidedBy: a.decidedBy,
    status,
    decidedBy,
    reason,
    consensusScore: null,
    consensusAgrees: null,
    askJudge: false,
  };
}

function classCount(annotation: Annotation): number {
  if (annotation.method === 'single_choice') return annotation.config.choices.length;
  if (annotation.method === 'pairwise') return annotation.config.allowTie ? 3 : 2;
  return 2;
}

function classesOf(annotation: Annotation): { key: string; answer: unknown }[] {
  if (annotation.method === 'single_choice')
    return annotation.config.choices.map((c) => ({ key: c.value, answer: { choice: c.value } }));
  return (['a', 'b', 'tie'] as const).map((w) => ({ key: w, answer: { winner: w } }));
}

/** Each item's consensus: the project's truth-inference method for classes, the method's consensus rule otherwise. */
function aggregate(
  annotation: Annotation,
  settings: QualitySettings,
  byItem: ReadonlyMap<string, readonly PassAnswer[]>,
  accuracy: ReadonlyMap<string, number>,
): { method: string; labels: Map<string, { label: unknown; confidence: number }> } {
  const labels = new Map<string, { label: unknown; confidence: number }>();
  if (CLASS_METHODS.has(annotation.method)) {
    const classes = classesOf(annotation);
    const keyOf = (a: unknown) =>
      annotation.method === 'single_choice'
        ? (a as { choice: string }).choice
        : (a as { winner: string }).winner;
    const triples: AnswerTriple[] = [];
    for (const [itemId, answers] of byItem)
      for (const a of answers) triples.push({ item: itemId, worker: a.userId, label: keyOf(a.answer) });
    if (triples.length === 0) return { method: settings.aggregation.method, labels };
    const encoded = encodeAnswers(triples, { classes: classes.map((c) => c.key) });
    // Live projects hold many workers with a handful of answers each. Plain Dawid-Skene takes five answers that
    // agreed as proof of a perfect worker and grows overconfident; a prior of one pseudo-answer per cell plus
    // one on the diagonal (a new worker counts as about 2/3 right) keeps early confidence honest.
    const result =
      settings.aggregation.method === 'ds'
        ? dawidSkene(encoded.answers, { smoothing: 1, diagonalPrior: 1 })
        : CATEGORICAL_METHODS[settings.aggregation.method].run(encoded.answers);
    encoded.itemIds.forEach((itemId, i) => {
      const k = result.labels[i]!;
      if (k >= 0) labels.set(itemId, { label: classes[k]!.answer, confidence: result.confidence[i]! });
    });
    return { method: settings.aggregation.method, labels };
  }
  for (const [itemId, answers] of byItem) {
    const c = itemConsensus(
      annotation,
      answers.map((a) => ({ worker: a.userId, answer: a.answer, weight: accuracy.get(a.userId) ?? 0.7 })),
    );
    if (c) labels.set(itemId, { label: c.label, confidence: c.confidence });
  }
  return { method: `${annotation.method}_consensus`, labels };
}
