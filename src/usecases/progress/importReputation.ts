import { verifyMessage } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import { canonicalJson } from '../../domain/ledger/canonicalJson.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { refreshProgress } from './refreshProgress.ts';

export type ReputationFile = {
  source: string;
  entries: { address: string; xp: number; level?: number | undefined }[];
  signature?: string | undefined;
};

/** The exact text a reputation signer signs (EIP-191): the canonical JSON of the source and its entries. */
export const reputationMessage = (file: Pick<ReputationFile, 'source' | 'entries'>) =>
  `Caravan reputation import\n${canonicalJson({ source: file.source, entries: file.entries })}`;

/**
 * Early adopters keep their progress: XP (and a level floor) from an earlier season, imported once per source.
 * An admin may import any file; anyone may import one signed by the server's reputation signer.
 */
export async function importReputation(
  deps: Pick<Deps, 'progress' | 'clock' | 'settings'>,
  actor: Actor,
  file: ReputationFile,
): Promise<{ imported: number; skipped: number }> {
  const admin = actor.isAdmin && actor.via === 'session';
  if (!admin) {
    const signer = deps.settings.reputationSigner;
    if (!file.signature || !signer)
      throw new DomainError(
        'FORBIDDEN',
        signer
          ? 'only an administrator can import an unsigned reputation file; ask for the file signed by the operator'
          : 'only an administrator can import reputation on this server',
      );
    const valid = await verifyMessage({
      address: signer,
      message: reputationMessage(file),
      signature: file.signature as `0x${string}`,
    }).catch(() => false);
    if (!valid)
      throw new DomainError('SIGNATURE_INVALID', `the file is not signed by the reputation signer ${signer}`);
  }
  const result = await deps.progress.importReputation(file.source, file.entries, deps.clock.now());
  // No project pass follows an import: the imported contributors' levels and tiers are refreshed now.
  while ((await refreshProgress(deps)).length);
  return result;
}
