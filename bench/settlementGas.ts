// Gas of settling by cumulative Merkle roots on anvil, beside paying each contributor with a plain ERC-20
// transfer: root proposal and acceptance per epoch (10, 1,000, 100,000 contributors), gas per claim, and the
// total gas per contributor of each way.
import {
  type Address,
  bytesToHex,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  keccak256,
  numberToHex,
} from 'viem';
import { rewardsDistributorAbi } from '../src/chain/contracts.generated.ts';
import { anvilRpc } from '../src/chain/startAnvil.ts';
import { startLocalChain } from '../src/chain/startLocalChain.ts';
import { buildMerkleTree } from '../src/domain/merkle/buildMerkleTree.ts';
import { rewardLeaves } from '../src/domain/merkle/standardLeaf.ts';

type Row = {
  contributors: number;
  proposeGas: bigint;
  acceptGas: bigint;
  claimGas: bigint;
  transferGas: bigint;
  perContributorMerkle: number;
  ratio: number;
};

/** A distinct, never-used address per index: what fresh contributors look like to the token. */
const accountOf = (i: number, salt: number): Address =>
  `0x${keccak256(numberToHex(i * 7919 + salt, { size: 32 })).slice(26)}` as Address;

export async function settlementGas(sizes: number[], claimSamples = 20): Promise<Row[]> {
  const local = await startLocalChain({ rootDelaySeconds: 0, stakeCooldownSeconds: 0 });
  const c = local.clients;
  const d = local.deployment;
  const send = async (to: Address, data: Hex) => {
    const hash = await c.operator.sendTransaction({ to, data });
    const r = await c.public.waitForTransactionReceipt({ hash });
    if (r.status !== 'success') throw new Error(`benchmark transaction reverted: ${hash}`);
    return r.gasUsed;
  };
  const rows: Row[] = [];
  try {
    let epoch = 0;
    let cumulativeSoFar = 0n;
    for (const [k, n] of sizes.entries()) {
      const amount = 10n ** 18n;
      const accounts = Array.from({ length: n }, (_, i) => accountOf(i, k));
      const tree = buildMerkleTree(
        rewardLeaves(accounts.map((account) => ({ account, token: d.token, cumulativeWei: amount }))),
      );
      const total = amount * BigInt(n);
      // Cumulative totals never go down across epochs: each epoch covers the earlier ones too.
      cumulativeSoFar += total;
      await send(
        d.token,
        encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [d.distributor, total] }),
      );
      await send(
        d.distributor,
        encodeFunctionData({ abi: rewardsDistributorAbi, functionName: 'fund', args: [d.token, total] }),
      );
      epoch++;
      const proposeGas = await send(
        d.distributor,
        encodeFunctionData({
          abi: rewardsDistributorAbi,
          functionName: 'proposeRoot',
          args: [bytesToHex(tree.root), BigInt(epoch), [d.token], [cumulativeSoFar], keccak256('0x01')],
        }),
      );
      await anvilRpc(local.rpcUrl, 'evm_mine');
      const acceptGas = await send(
        d.distributor,
        encodeFunctionData({ abi: rewardsDistributorAbi, functionName: 'acceptRoot', args: [BigInt(epoch)] }),
      );
      // Claims: the relayer sends them; what they cost does not depend on who sends.
      let claimGas = 0n;
      const samples = Math.min(claimSamples, n);
      for (let s = 0; s < samples; s++) {
        const i = Math.floor((s * n) / samples);
        claimGas += await send(
          d.distributor,
          encodeFunctionData({
            abi: rewardsDistributorAbi,
            functionName: 'claim',
            args: [accounts[i]!, d.token, amount, tree.proof(i).map((p) => bytesToHex(p))],
          }),
        );
      }
      claimGas /= BigInt(samples);
      // The plain way: one transfer per contributor to an address that never held the token.
      let transferGas = 0n;
      for (let s = 0; s < samples; s++)
        transferGas += await send(
          d.token,
          encodeFunctionData({
            abi: erc20Abi,
            functionName: 'transfer',
            args: [accountOf(s, 1000 + k), amount],
          }),
        );
      transferGas /= BigInt(samples);
      const perContributorMerkle = Number(proposeGas + acceptGas) / n + Number(claimGas);
      rows.push({
        contributors: n,
        proposeGas,
        acceptGas,
        claimGas,
        transferGas,
        perContributorMerkle,
        ratio: perContributorMerkle / Number(transferGas),
      });
    }
  } finally {
    await local.stop();
  }
  return rows;
}

export function formatSettlementGas(rows: Row[]): string {
  const lines = [
    '| contributors | propose gas | accept gas | platform gas per contributor | gas per claim | total per contributor (epoch share + claim) | plain ERC-20 transfer | platform / transfer | total / transfer |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const platform = Number(r.proposeGas + r.acceptGas) / r.contributors;
      return `| ${r.contributors.toLocaleString('en')} | ${r.proposeGas.toLocaleString('en')} | ${r.acceptGas.toLocaleString('en')} | ${platform < 10 ? platform.toFixed(2) : Math.round(platform).toLocaleString('en')} | ${r.claimGas.toLocaleString('en')} | ${Math.round(r.perContributorMerkle).toLocaleString('en')} | ${r.transferGas.toLocaleString('en')} | ${(platform / Number(r.transferGas)).toFixed(5)} | ${r.ratio.toFixed(2)}× |`;
    }),
  ];
  return `${lines.join('\n')}\nOne token per epoch; claims and transfers go to addresses that never held the token (the usual case for a new contributor); each size is its own epoch, its tree holding that many contributors.`;
}
