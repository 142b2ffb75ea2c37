import {
  type Abi,
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hex,
  keccak256,
} from 'viem';
import type { MinedTx, OperatorTx, TxJournal } from '../usecases/chainPorts.ts';
import type { ChainClients } from './chainClients.ts';
import { ChainError } from './chainError.ts';

/**
 * Sends the operator's call for `purpose` exactly once. The transaction is signed and written to the journal
 * before it is broadcast; any later call for the same purpose (after a crash before or after broadcasting,
 * before or after mining) re-sends those same signed bytes and waits for them, so the chain sees one
 * transaction at most. A call that would revert fails before anything is journaled.
 */
export async function sendOnce(
  c: ChainClients,
  journal: TxJournal,
  purpose: string,
  call: { to: Address; data: Hex; abi: Abi },
): Promise<MinedTx> {
  const tx = (await journal.find(purpose)) ?? (await journalNew(c, journal, purpose, call));
  return settle(c, journal, tx, purpose);
}

/** Re-sends every journaled transaction a crash left unconfirmed, in nonce order. */
export async function resumeUnfinished(c: ChainClients, journal: TxJournal): Promise<void> {
  for (const tx of await journal.unfinished(c.operator.account.address, c.chain.id)) {
    await settle(c, journal, tx, tx.purpose).catch(() => {
      // a reverted or dropped transaction is recorded by settle; its purpose may be tried again later
    });
  }
}

async function journalNew(
  c: ChainClients,
  journal: TxJournal,
  purpose: string,
  call: { to: Address; data: Hex; abi: Abi },
) {
  const account = c.operator.account;
  let gas: bigint;
  try {
    gas = await c.public.estimateGas({ account, to: call.to, data: call.data });
  } catch (cause) {
    throw new ChainError(`${purpose} would revert: ${revertReason(cause, call.abi)}`, { cause });
  }
  const fees = await c.public.estimateFeesPerGas();
  return journal.reserve(
    { purpose, sender: account.address, chainId: c.chain.id, to: call.to, data: call.data },
    async (nonceFloor) => {
      const pending = await c.public.getTransactionCount({ address: account.address, blockTag: 'pending' });
      const nonce = Math.max(pending, nonceFloor);
      const raw = await c.operator.signTransaction({
        account,
        chain: c.chain,
        to: call.to,
        data: call.data,
        nonce,
        gas: (gas * 13n) / 10n,
        maxFeePerGas: fees.maxFeePerGas * 2n,
        maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
      });
      return { nonce, raw, hash: keccak256(raw) };
    },
  );
}

async function settle(
  c: ChainClients,
  journal: TxJournal,
  tx: OperatorTx,
  purpose: string,
): Promise<MinedTx> {
  if (tx.status === 'mined') return { hash: tx.hash, blockNumber: tx.blockNumber!, gasUsed: tx.gasUsed! };
  if (tx.status === 'reverted') throw new ChainError(`${purpose} reverted on chain (${tx.hash})`);
  const receipt = (await receiptOf(c, tx.hash)) ?? (await broadcastAndWait(c, journal, tx, purpose));
  if (receipt.status !== 'success') {
    await journal.mark(tx.id, {
      status: 'reverted',
      blockNumber: Number(receipt.blockNumber),
      gasUsed: receipt.gasUsed,
    });
    throw new ChainError(`${purpose} reverted on chain (${tx.hash})`);
  }
  await journal.mark(tx.id, {
    status: 'mined',
    blockNumber: Number(receipt.blockNumber),
    gasUsed: receipt.gasUsed,
  });
  return { hash: tx.hash, blockNumber: Number(receipt.blockNumber), gasUsed: receipt.gasUsed };
}

async function broadcastAndWait(c: ChainClients, journal: TxJournal, tx: OperatorTx, purpose: string) {
  try {
    await c.public.sendRawTransaction({ serializedTransaction: tx.raw });
  } catch (cause) {
    // The node may already hold it (sent before a crash), or have mined it meanwhile.
    const message = cause instanceof Error ? cause.message : String(cause);
    if (!/already known|nonce too low|already imported|known transaction/i.test(message))
      throw new ChainError(`${purpose}: broadcasting ${tx.hash} failed: ${message}`, { cause });
    const mined = await receiptOf(c, tx.hash);
    if (mined) return mined;
    if (/nonce too low/i.test(message)) {
      // Its nonce went to another transaction: this one can never be mined.
      await journal.mark(tx.id, { status: 'dropped', error: message });
      throw new ChainError(`${purpose}: ${tx.hash} was replaced on chain; it will be sent anew`, { cause });
    }
  }
  if (tx.status === 'signed') await journal.mark(tx.id, { status: 'sent' });
  try {
    return await c.public.waitForTransactionReceipt({ hash: tx.hash, timeout: 120_000 });
  } catch (cause) {
    throw new ChainError(`${purpose}: ${tx.hash} not mined yet; it will be awaited again`, { cause });
  }
}

async function receiptOf(c: ChainClients, hash: Hex) {
  try {
    return await c.public.getTransactionReceipt({ hash });
  } catch {
    return null;
  }
}

/** The contract's custom error (name and arguments) or the node's message, for a person to read. */
export function revertReason(cause: unknown, abi?: Abi): string {
  if (cause instanceof BaseError) {
    const withData = cause.walk((e) => typeof (e as { data?: unknown }).data === 'string');
    const data = (withData as { data?: Hex } | null)?.data;
    if (abi && data && data.length >= 10) {
      try {
        const decoded = decodeErrorResult({ abi, data });
        return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`;
      } catch {
        // not one of this contract's errors: fall through to the node's message
      }
    }
    const revert = cause.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError && revert.data?.errorName)
      return `${revert.data.errorName}(${(revert.data.args ?? []).map(String).join(', ')})`;
    return cause.shortMessage;
  }
  return cause instanceof Error ? cause.message : String(cause);
}
