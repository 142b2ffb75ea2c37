import { type Address, getAddress, isAddressEqual } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { Chain } from '../chainPorts.ts';

/** A license currency the registry takes: the platform token, or the partner token where there is one. */
export function checkCurrency(chain: Chain, currency: string): Address {
  const token = getAddress(currency);
  const { token: platform, partnerToken } = chain.contracts;
  if (isAddressEqual(token, platform) || (partnerToken && isAddressEqual(token, partnerToken))) return token;
  throw new DomainError(
    'VALIDATION_FAILED',
    `terms.currency: licenses are sold in ${platform}${partnerToken ? ` or ${partnerToken}` : ''}; ${currency} is neither`,
  );
}
