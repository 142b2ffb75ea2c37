import { DomainError } from '../../domain/errors.ts';
import type { Chain } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';

/** The server's chain, or a clear refusal when it runs without one. */
export function requireChain(deps: Pick<Deps, 'chain'>): Chain {
  if (!deps.chain)
    throw new DomainError('CHAIN_UNAVAILABLE', 'this server runs without a chain: settlement is off');
  return deps.chain;
}
