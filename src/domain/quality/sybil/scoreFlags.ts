import type { CrowdRole } from './sybilCrowd.ts';
import type { SybilFlag, SybilKind } from './sybilFlag.ts';

/** One test crowd's roles and the flags raised on it. */
export type FlaggedCrowd = { readonly roles: readonly CrowdRole[]; readonly flags: readonly SybilFlag[] };

/** How well flags match the roles test crowds were built with, over all the crowds together. */
export type FlagScore = {
  readonly spammers: number;
  readonly found: number;
  readonly honest: number;
  readonly wronglyFlagged: number;
  /** found / spammers (1 without spammers). */
  readonly recall: number;
  /** wronglyFlagged / honest (0 without honest workers). */
  readonly falsePositiveRate: number;
};

/**
 * Scores flags against known roles, pooled over several crowds. With `kind`, only spammers of that kind
 * count, and only flags of that kind find them; an honest worker counts as wrongly flagged whatever the kind.
 */
export function scoreFlags(crowds: readonly FlaggedCrowd[], kind?: SybilKind): FlagScore {
  let spammers = 0;
  let found = 0;
  let honest = 0;
  let wronglyFlagged = 0;
  for (const { roles, flags } of crowds) {
    const finding = new Set(flags.filter((f) => kind === undefined || f.kind === kind).map((f) => f.worker));
    const flagged = new Set(flags.map((f) => f.worker));
    roles.forEach((role, w) => {
      if (role === 'honest') {
        honest++;
        if (flagged.has(w)) wronglyFlagged++;
      } else if (kind === undefined || role === kind) {
        spammers++;
        if (finding.has(w)) found++;
      }
    });
  }
  return {
    spammers,
    found,
    honest,
    wronglyFlagged,
    recall: spammers === 0 ? 1 : found / spammers,
    falsePositiveRate: honest === 0 ? 0 : wronglyFlagged / honest,
  };
}
