/** The ways a contributor can be caught gaming the pay: the same names the API uses. */
export type SybilKind = 'random_clicker' | 'constant_answerer' | 'colluder';

/** One suspicion about one worker, with the numbers behind it. */
export type SybilFlag = {
  /** Worker index in the answers. */
  readonly worker: number;
  readonly kind: SybilKind;
  /** 0..1, higher is more certain. */
  readonly score: number;
  /** One sentence an admin can read, with the numbers. */
  readonly evidence: string;
  /** Colluders only: the other workers of the group, by index, ascending. */
  readonly peers?: readonly number[];
};
