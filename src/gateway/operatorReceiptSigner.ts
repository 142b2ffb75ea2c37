import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { ReceiptSigner } from '../usecases/ports.ts';

/** Signs receipts as EIP-191 personal messages with the operator's key: `verifyMessage` recovers its address. */
export function operatorReceiptSigner(privateKey: Hex): ReceiptSigner {
  const account = privateKeyToAccount(privateKey);
  return { address: account.address, sign: (message) => account.signMessage({ message }) };
}
