import { getAddress, verifyMessage } from 'viem';
import { parseSiweMessage, validateSiweMessage } from 'viem/siwe';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { UserRow } from '../ports.ts';
import { hashSecret, randomToken } from './keys.ts';

export type SignInResult = { user: UserRow; sessionToken: string; expiresAt: Date };

/**
 * EIP-4361: checks the message names this site and a nonce we issued (used once), that it is in its validity window,
 * and that the signature recovers the address it claims. Then opens a session.
 */
export async function signInWithEthereum(
  deps: Pick<Deps, 'accounts' | 'clock' | 'settings'>,
  input: { message: string; signature: `0x${string}`; domain: string },
): Promise<SignInResult> {
  const now = deps.clock.now();
  const fields = parseSiweMessage(input.message);
  if (!fields.address || !fields.nonce || !fields.domain)
    throw new DomainError(
      'SIGNATURE_INVALID',
      'the message is not a Sign-In with Ethereum (EIP-4361) message',
    );
  if (fields.chainId !== undefined && fields.chainId !== deps.settings.chainId)
    throw new DomainError(
      'SIGNATURE_INVALID',
      `sign in on chain ${deps.settings.chainId}, not ${fields.chainId}`,
    );
  if (!validateSiweMessage({ message: fields, domain: input.domain, time: now }))
    throw new DomainError(
      'SIGNATURE_INVALID',
      `the message must be for ${input.domain} and still valid; ask for a new nonce and sign again`,
    );
  const valid = await verifyMessage({
    address: fields.address,
    message: input.message,
    signature: input.signature,
  }).catch(() => false);
  if (!valid)
    throw new DomainError('SIGNATURE_INVALID', 'the signature does not match the address in the message');
  if (!(await deps.accounts.consumeNonce(fields.nonce, now)))
    throw new DomainError(
      'NONCE_INVALID',
      'this sign-in nonce is unknown, expired or already used; ask for a new one',
    );
  const user = await deps.accounts.upsertUser(getAddress(fields.address), null);
  const sessionToken = randomToken();
  const expiresAt = new Date(now.getTime() + deps.settings.sessionDays * 86_400_000);
  await deps.accounts.createSession(hashSecret(sessionToken), user.id, now, expiresAt);
  return { user, sessionToken, expiresAt };
}

/** Issues a single-use nonce, valid for 10 minutes. */
export async function issueNonce(deps: Pick<Deps, 'accounts' | 'clock'>): Promise<string> {
  const now = deps.clock.now();
  // EIP-4361 nonces are alphanumeric, at least 8 characters.
  const nonce = randomToken(18)
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 20)
    .padEnd(12, '0');
  await deps.accounts.issueNonce(nonce, now, new Date(now.getTime() + 10 * 60_000));
  return nonce;
}
