import { keccak256, stringToBytes } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { DEV_ACCOUNTS } from '../../domain/auth/devAccounts.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { issueNonce, type SignInResult, signInWithEthereum } from './signInWithEthereum.ts';

/** The private key of a development account: derived from its name, so it is the same on every install. */
export function devAccountKeyHex(name: string) {
  return keccak256(stringToBytes(`caravan-dev-wallet:${name}`));
}

/** The local account of a development account. */
export function devAccountKey(name: string) {
  return privateKeyToAccount(devAccountKeyHex(name));
}

/** The development accounts with their addresses. */
export function listDevAccounts() {
  return DEV_ACCOUNTS.map((a) => ({
    name: a.name,
    address: devAccountKey(a.name).address,
    description: a.description,
  }));
}

/**
 * Signs in as a development account by running the real Sign-In with Ethereum flow with its local key.
 * Refused unless development wallets were switched on.
 */
export async function devSignIn(
  deps: Pick<Deps, 'accounts' | 'clock' | 'settings'>,
  input: { account: string; domain: string; uri: string },
): Promise<SignInResult> {
  if (!deps.settings.devWallets)
    throw new DomainError(
      'DEV_WALLETS_DISABLED',
      'development wallets are off on this server; sign in with your own wallet',
    );
  const spec = DEV_ACCOUNTS.find((a) => a.name === input.account);
  if (!spec)
    throw new DomainError(
      'NOT_FOUND',
      `no development account "${input.account}"; use one of ${DEV_ACCOUNTS.map((a) => a.name).join(', ')}`,
    );
  const key = devAccountKey(spec.name);
  const nonce = await issueNonce(deps);
  const message = createSiweMessage({
    address: key.address,
    chainId: deps.settings.chainId,
    domain: input.domain,
    nonce,
    uri: input.uri,
    version: '1',
    statement: 'Sign in to Caravan (development wallet)',
    issuedAt: deps.clock.now(),
  });
  const signature = await key.signMessage({ message });
  const result = await signInWithEthereum(deps, { message, signature, domain: input.domain });
  await applyDevRoles(deps, spec.name, result.user.id);
  // The roles just applied belong in the answer too.
  return { ...result, user: await deps.accounts.upsertUser(result.user.address, null) };
}

async function applyDevRoles(deps: Pick<Deps, 'accounts'>, name: string, userId: string) {
  const spec = DEV_ACCOUNTS.find((a) => a.name === name)!;
  const roles: { isAdmin?: boolean; isReviewer?: boolean; level?: number } = {};
  if ('isAdmin' in spec.roles) roles.isAdmin = spec.roles.isAdmin;
  if ('isReviewer' in spec.roles) roles.isReviewer = spec.roles.isReviewer;
  if ('level' in spec.roles) roles.level = spec.roles.level;
  await deps.accounts.setUserRoles(userId, roles);
  if ('requesterOf' in spec.roles) {
    const orgName = spec.roles.requesterOf;
    const orgs = await deps.accounts.memberships(userId);
    if (!orgs.some((o) => o.name === orgName)) await deps.accounts.createOrg(orgName, userId);
  }
}
