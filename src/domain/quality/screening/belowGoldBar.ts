/** The project's gold bar: the accuracy a contributor must keep on gold items, after some number of them. */
export type GoldBar = { readonly minAccuracy: number; readonly minAnswers: number };

/** One-sided 90%: a contributor is stopped only when we are that sure their accuracy is under the bar. */
const Z = 1.2816;

/**
 * Whether a contributor's gold answers show, with 90% confidence, an accuracy under the bar: the upper
 * Wilson bound of their gold accuracy is below it. A plain ratio would stop honest people on bad luck (an
 * 80% contributor scores 3 of 5 or worse about a quarter of the time); this waits for evidence, and
 * stops a guesser on a yes/no task after about 15 gold answers. Null when the contributor may go on;
 * otherwise the sentence that tells them why not.
 */
export function belowGoldBar(correct: number, total: number, bar: GoldBar): string | null {
  if (total < bar.minAnswers || total === 0) return null;
  const p = correct / total;
  const z2 = Z * Z;
  const upper =
    (p + z2 / (2 * total) + Z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) /
    (1 + z2 / total);
  if (upper >= bar.minAccuracy) return null;
  return (
    `you answered ${correct} of ${total} control items right (${Math.round(p * 100)}%); ` +
    `this project needs ${Math.round(bar.minAccuracy * 100)}%`
  );
}
