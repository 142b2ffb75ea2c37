// Gas of the marketplace on anvil: a license purchase, a revenue deposit to an asset with 0 and 2 parents, and a
// co-owner's royalty claim on community datasets of 10 and 10,000 co-owners, beside a plain ERC-20 transfer.
// A claim proves one leaf, so its cost should not grow with the number of co-owners except by the proof's
// depth (log2 of the count: a hash and 32 bytes of calldata, some hundreds of gas, per level).
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import {
  type Address,
  bytesToHex,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  hexToBytes,
  keccak256,
  maxUint256,
  numberToBytes,
  numberToHex,
} from 'viem';
import { assetRegistryAbi } from '../src/chain/contracts.generated.ts';
import { startLocalChain } from '../src/chain/startLocalChain.ts';
import { buildMerkleTree } from '../src/domain/merkle/buildMerkleTree.ts';
import { hashLeaves } from '../src/domain/merkle/keccak.ts';

type Row = { action: string; gas: bigint; proofDepth: number | null; ratio: number };

/** A distinct, never-used address per index: what fresh co-owners and buyers look like to the token. */
const accountOf = (i: number, salt: number): Address =>
  `0x${keccak256(numberToHex(i * 7919 + salt, { size: 32 })).slice(26)}` as Address;

/** Share leaves `(address account, uint256 weight)`, ABI-encoded and double-hashed like StandardMerkleTree. */
function shareLeaves(shares: readonly { account: Address; weight: bigint }[]): Uint8Array {
  return hashLeaves(shares.length, 64, (i, into, at) => {
    const s = shares[i]!;
    into.set(hexToBytes(s.account), at + 12);
    into.set(numberToBytes(s.weight, { size: 32 }), at + 32);
  });
}

export async function marketGas(coOwnerCounts: number[], claimSamples = 20): Promise<Row[]> {
  const local = await startLocalChain({ rootDelaySeconds: 0, stakeCooldownSeconds: 0 });
  const c = local.clients;
  const d = local.deployment;
  const registry = d.assetRegistry;
  const send = async (to: Address, data: Hex) => {
    const hash = await c.operator.sendTransaction({ to, data });
    const r = await c.public.waitForTransactionReceipt({ hash });
    if (r.status !== 'success') throw new Error(`benchmark transaction reverted: ${hash}`);
    return r.gasUsed;
  };
  const call = (functionName: string, args: readonly unknown[]) =>
    send(registry, encodeFunctionData({ abi: assetRegistryAbi, functionName, args } as never));
  let assets = 0n;
  const terms = (parentShareBps: number, priceWei: bigint) => ({
    commercialUse: true,
    derivativesAllowed: true,
    parentShareBps,
    price: priceWei,
    currency: d.token,
    durationSeconds: 30n * 86_400n,
    attributionRequired: true,
  });
  const register = async (parentIds: bigint[], parentShareBps: number, priceWei = 0n) => {
    const parents = parentIds.map((assetId) => ({ assetId, relation: 1 }));
    await call('register', [
      0,
      keccak256(numberToHex(++assets)),
      'ipfs://x',
      terms(parentShareBps, priceWei),
      parents,
    ]);
    return assets;
  };
  const average = async (times: number, run: (s: number) => Promise<bigint>) => {
    let total = 0n;
    for (let s = 0; s < times; s++) total += await run(s);
    return total / BigInt(times);
  };
  const amount = 10n ** 18n;
  const rows: Omit<Row, 'ratio'>[] = [];
  try {
    await send(
      d.token,
      encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [registry, maxUint256] }),
    );
    // The baseline: a transfer to an address that never held the token, as a first claim pays.
    const transferGas = await average(claimSamples, (s) =>
      send(
        d.token,
        encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [accountOf(s, 1), amount] }),
      ),
    );
    rows.push({ action: 'plain ERC-20 transfer (to a fresh address)', gas: transferGas, proofDepth: null });

    const licensed = await register([], 0, amount);
    rows.push({
      action: 'purchaseLicense (first license, 30 days, price deposited as revenue)',
      gas: await call('purchaseLicense', [licensed, d.token, amount]),
      proofDepth: null,
    });
    rows.push({
      action: 'purchaseLicense (extending a running license)',
      gas: await call('purchaseLicense', [licensed, d.token, amount]),
      proofDepth: null,
    });

    const alone = await register([], 0);
    const p1 = await register([], 0);
    const p2 = await register([], 0);
    const child = await register([p1, p2], 1000);
    for (const [label, id] of [
      ['0 parents', alone],
      ['2 parents', child],
    ] as const) {
      rows.push({
        action: `depositRevenue, ${label} (first deposit in the token)`,
        gas: await call('depositRevenue', [id, d.token, amount]),
        proofDepth: null,
      });
      rows.push({
        action: `depositRevenue, ${label} (later deposits)`,
        gas: await average(5, () => call('depositRevenue', [id, d.token, amount])),
        proofDepth: null,
      });
    }
    rows.push({
      action: 'claimRevenue, sole owner (who already holds the token)',
      gas: await call('claimRevenue', [alone, d.token, c.operator.account.address, 1n, []]),
      proofDepth: 0,
    });

    for (const [k, n] of coOwnerCounts.entries()) {
      const shares = Array.from({ length: n }, (_, i) => ({
        account: accountOf(i, 100 + k),
        weight: BigInt((i % 97) + 1),
      }));
      const totalWeight = shares.reduce((sum, s) => sum + s.weight, 0n);
      const tree = buildMerkleTree(shareLeaves(shares));
      // The same root as OpenZeppelin's StandardMerkleTree, or the claims below would say so by reverting.
      const reference = StandardMerkleTree.of(
        shares.map((s) => [s.account, s.weight.toString()]),
        ['address', 'uint256'],
      );
      if (reference.root !== bytesToHex(tree.root))
        throw new Error(`share root of ${n} differs from StandardMerkleTree`);
      await call('registerFor', [
        c.operator.account.address,
        0,
        keccak256(numberToHex(n + 1_000_000)),
        'ipfs://community',
        terms(0, 0n),
        [],
      ]);
      const id = ++assets;
      await call('commitShares', [id, bytesToHex(tree.root), totalWeight]);
      await call('depositRevenue', [id, d.token, amount * 1000n]);
      const samples = Math.min(claimSamples, n);
      let depth = 0;
      const gas = await average(samples, (s) => {
        const i = Math.floor((s * n) / samples);
        const proof = tree.proof(i).map((p) => bytesToHex(p));
        depth = Math.max(depth, proof.length);
        return call('claimRevenue', [id, d.token, shares[i]!.account, shares[i]!.weight, proof]);
      });
      rows.push({ action: `claimRevenue, ${n.toLocaleString('en')} co-owners`, gas, proofDepth: depth });
    }
    return rows.map((r) => ({ ...r, ratio: Number(r.gas) / Number(transferGas) }));
  } finally {
    await local.stop();
  }
}

export function formatMarketGas(rows: Row[]): string {
  const claims = rows.filter((r) => r.action.includes('co-owners'));
  const lines = [
    '| action | gas | proof depth | / plain transfer |',
    '|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.action} | ${r.gas.toLocaleString('en')} | ${r.proofDepth ?? ''} | ${r.ratio.toFixed(2)}× |`,
    ),
  ];
  const first = claims[0];
  const last = claims.at(-1);
  const growth =
    first && last && first !== last
      ? `\nclaim with ${last.action.split(', ')[1]} / claim with ${first.action.split(', ')[1]}: ${(Number(last.gas) / Number(first.gas)).toFixed(3)} (proof depth ${first.proofDepth} → ${last.proofDepth}, ${((Number(last.gas) - Number(first.gas)) / Math.max(1, (last.proofDepth ?? 0) - (first.proofDepth ?? 0))).toFixed(0)} gas per extra level)`
      : '';
  return `${lines.join('\n')}${growth}\nFee 5%; claims go to co-owners that never held the token and are averaged over up to 20 of them spread through the tree; each claim is the co-owner's first in that asset and token.`;
}
