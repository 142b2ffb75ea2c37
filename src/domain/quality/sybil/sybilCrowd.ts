import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import type { SybilKind } from './sybilFlag.ts';

export type SybilCrowdOptions = {
  readonly nItems: number;
  readonly nClasses: number;
  /** Distinct workers per item. */
  readonly answersPerItem: number;
  /** Honest workers, each with an accuracy drawn evenly from `honestAccuracy`; errors spread evenly. */
  readonly honest: number;
  /** Workers who pick a class uniformly at random. */
  readonly randomClickers?: number;
  /** Workers who give their one favourite class with probability 0.95 and a random one otherwise. */
  readonly constantAnswerers?: number;
  /** Accounts of one colluding ring; 0 for none. */
  readonly ringSize?: number;
  /** Share of items the ring works on. Default 0.2. */
  readonly ringItemShare?: number;
  /** Ring members on each ring item, all giving the ring's one answer for it. Default 2. */
  readonly ringPerItem?: number;
  /** Chance that a ring member answers at random instead of giving the ring's answer. Default 0. */
  readonly ringNoise?: number;
  /** Default [0.65, 0.95]. */
  readonly honestAccuracy?: readonly [number, number];
  /**
   * Share of items that are hard: honest workers keep only half their edge over guessing on them, and most
   * of their errors go to one tempting wrong class of the item, so honest errors coincide there. Default 0.
   */
  readonly hardItemShare?: number;
  /** Probability of each true class. Default: uniform. */
  readonly classPrior?: readonly number[];
  readonly seed: number;
};

/** Each worker's role: honest, or the kind of spammer it was built to be. */
export type CrowdRole = 'honest' | SybilKind;

export type SybilCrowd = {
  readonly answers: CategoricalAnswers;
  readonly truth: Int32Array;
  readonly roles: readonly CrowdRole[];
  /** Honest workers' accuracies (NaN for spammers). */
  readonly accuracy: Float64Array;
};

/** mulberry32: a small, fast, seeded generator of uniform numbers in [0, 1). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random crowd with planted spammers, the same for the same options, for testing the sybil detectors.
 * Workers come in the order honest, random clickers, constant answerers, ring. The ring works together the
 * way a sybil farm does: on a share of the items, several of its accounts take slots on the same item and
 * all give one answer drawn at random for that item, so it is right only at chance rate. Other slots go to
 * the other workers at random.
 */
export function sybilCrowd(options: SybilCrowdOptions): SybilCrowd {
  const { nItems, nClasses: K, answersPerItem: perItem, honest, seed } = options;
  const clickers = options.randomClickers ?? 0;
  const constants = options.constantAnswerers ?? 0;
  const ringSize = options.ringSize ?? 0;
  const ringShare = options.ringItemShare ?? 0.2;
  const ringPerItem = Math.min(options.ringPerItem ?? 2, ringSize);
  const ringNoise = options.ringNoise ?? 0;
  const [low, high] = options.honestAccuracy ?? [0.65, 0.95];
  const hardShare = options.hardItemShare ?? 0;
  const prior = options.classPrior ?? Array.from({ length: K }, () => 1 / K);
  const free = honest + clickers + constants;
  if (perItem > free || ringPerItem > perItem) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `answersPerItem (${perItem}) must be at most the ${free} workers outside the ring and at least ringPerItem`,
    );
  }
  const random = generator(seed);
  const pickClass = (probabilities: readonly number[]) => {
    let u = random();
    let c = 0;
    while (c < K - 1 && u >= probabilities[c]!) u -= probabilities[c++]!;
    return c;
  };
  const roles: CrowdRole[] = [
    ...Array<CrowdRole>(honest).fill('honest'),
    ...Array<CrowdRole>(clickers).fill('random_clicker'),
    ...Array<CrowdRole>(constants).fill('constant_answerer'),
    ...Array<CrowdRole>(ringSize).fill('colluder'),
  ];
  const accuracy = Float64Array.from(roles, (r) =>
    r === 'honest' ? low + (high - low) * random() : Number.NaN,
  );
  const favourite = Int32Array.from(roles, () => Math.floor(random() * K));

  const truth = new Int32Array(nItems);
  const items: number[] = [];
  const who: number[] = [];
  const labels: number[] = [];
  const pool = Int32Array.from({ length: free }, (_, w) => w);
  const ring = Int32Array.from({ length: ringSize }, (_, k) => free + k);
  // Partial Fisher-Yates: the first `count` entries of `from` become a random set of distinct workers.
  const draw = (from: Int32Array, count: number) => {
    for (let k = 0; k < count; k++) {
      const j = k + Math.floor(random() * (from.length - k));
      const w = from[j]!;
      from[j] = from[k]!;
      from[k] = w;
    }
  };
  for (let i = 0; i < nItems; i++) {
    const y = pickClass(prior);
    truth[i] = y;
    const ringSlots = ringSize > 0 && random() < ringShare ? ringPerItem : 0;
    draw(pool, perItem - ringSlots);
    draw(ring, ringSlots);
    const ringAnswer = Math.floor(random() * K);
    const hard = random() < hardShare;
    const decoy = (y + 1 + Math.floor(random() * (K - 1))) % K;
    for (let k = 0; k < perItem; k++) {
      const w = k < ringSlots ? ring[k]! : pool[k - ringSlots]!;
      let label: number;
      switch (roles[w]!) {
        case 'honest': {
          const wrong = (y + 1 + Math.floor(random() * (K - 1))) % K;
          if (!hard) label = random() < accuracy[w]! ? y : wrong;
          else label = random() < (accuracy[w]! + 1 / K) / 2 ? y : random() < 0.8 ? decoy : wrong;
          break;
        }
        case 'random_clicker':
          label = Math.floor(random() * K);
          break;
        case 'constant_answerer':
          label = random() < 0.95 ? favourite[w]! : Math.floor(random() * K);
          break;
        case 'colluder':
          label = random() < ringNoise ? Math.floor(random() * K) : ringAnswer;
          break;
      }
      items.push(i);
      who.push(w);
      labels.push(label);
    }
  }
  return {
    answers: {
      items: Int32Array.from(items),
      workers: Int32Array.from(who),
      labels: Int32Array.from(labels),
      nItems,
      nWorkers: roles.length,
      nClasses: K,
    },
    truth,
    roles,
    accuracy,
  };
}
