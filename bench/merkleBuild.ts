// Time to hash the leaves, build the tree and produce every proof, for 100,000 and 1,000,000 reward leaves,
// beside @openzeppelin/merkle-tree on the same values in the same run (the same root is required).
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { bytesToHex, keccak256, numberToHex } from 'viem';
import { buildMerkleTree } from '../src/domain/merkle/buildMerkleTree.ts';
import { type RewardLeafValue, rewardLeaves } from '../src/domain/merkle/standardLeaf.ts';

type Row = {
  leaves: number;
  ours: { leavesS: number; treeS: number; proofsS: number; totalS: number };
  library: { totalS: number } | null;
  sameRoot: boolean | null;
  peakRssMb: number;
};

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

function values(n: number): [string, string, bigint][] {
  return Array.from({ length: n }, (_, i) => [
    `0x${keccak256(numberToHex(i, { size: 32 })).slice(26)}`,
    TOKEN,
    BigInt(i + 1) * 10n ** 15n,
  ]);
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

type Ours = Row['ours'] & { root: Uint8Array };

/** One build of ours: leaves, tree and every proof, each step timed. */
function buildOurs(v: RewardLeafValue[]): Ours {
  const t0 = performance.now();
  const leaves = rewardLeaves(v);
  const leavesS = seconds(t0);
  const t1 = performance.now();
  const tree = buildMerkleTree(leaves);
  const treeS = seconds(t1);
  const t2 = performance.now();
  // Every proof, a range at a time as the stores take them.
  let proofs = 0;
  for (let from = 0; from < v.length; from += 5000)
    proofs += tree.proofs(from, Math.min(from + 5000, v.length)).proofs.length;
  const proofsS = seconds(t2);
  if (proofs !== v.length) throw new Error('not every proof was produced');
  return { leavesS, treeS, proofsS, totalS: leavesS + treeS + proofsS, root: tree.root };
}

/** Ours is timed `RUNS` times per size (the median run is reported: this machine's timings wander); the library once. */
const RUNS = 3;

export async function merkleBuild(sizes: number[], librarySizes: number[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) {
    const v = values(n);
    const objects = v.map(([account, token, cumulativeWei]) => ({ account, token, cumulativeWei }));
    let peak = process.memoryUsage().rss;
    const runs: Ours[] = [];
    for (let r = 0; r < RUNS; r++) {
      runs.push(buildOurs(objects));
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const ours = runs.sort((a, b) => a.totalS - b.totalS)[Math.floor(RUNS / 2)]!;
    let library: Row['library'] = null;
    let sameRoot: boolean | null = null;
    if (librarySizes.includes(n)) {
      const l0 = performance.now();
      const reference = StandardMerkleTree.of(v, ['address', 'address', 'uint256']);
      for (let i = 0; i < n; i++) reference.getProof(i);
      library = { totalS: seconds(l0) };
      peak = Math.max(peak, process.memoryUsage().rss);
      sameRoot = reference.root === bytesToHex(ours.root);
      if (!sameRoot)
        throw new Error(`different roots at ${n} leaves: ${reference.root} vs ${bytesToHex(ours.root)}`);
    }
    rows.push({ leaves: n, ours, library, sameRoot, peakRssMb: Math.round(peak / 1e6) });
  }
  return rows;
}

export function formatMerkleBuild(rows: Row[]): string {
  const lines = [
    '| leaves | ours: leaves s | tree s | all proofs s | total s | @openzeppelin/merkle-tree s | ratio | same root | peak RSS MB |',
    '|---:|---:|---:|---:|---:|---:|---:|:---:|---:|',
    ...rows.map((r) => {
      const lib = r.library ? r.library.totalS.toFixed(2) : 'not run';
      const ratio = r.library ? `${(r.library.totalS / r.ours.totalS).toFixed(1)}×` : '–';
      return `| ${r.leaves.toLocaleString('en')} | ${r.ours.leavesS.toFixed(2)} | ${r.ours.treeS.toFixed(2)} | ${r.ours.proofsS.toFixed(2)} | ${r.ours.totalS.toFixed(2)} | ${lib} | ${ratio} | ${r.sameRoot === null ? '–' : r.sameRoot ? 'yes' : 'NO'} | ${r.peakRssMb} |`;
    }),
  ];
  const million = rows.find((r) => r.leaves === 1_000_000);
  const ratios = rows.filter((r) => r.library).map((r) => r.library!.totalS / r.ours.totalS);
  const met =
    million !== undefined && million.ours.totalS < 10 && ratios.length > 0 && ratios.every((x) => x >= 5);
  return `${lines.join('\n')}\nBoth sides hash the leaves from the same (account, token, amount) values and produce every proof; ours is the median of ${RUNS} runs.\nGoal (≥ 5× faster than @openzeppelin/merkle-tree, < 10 s at 1,000,000 leaves): ${met ? 'MET' : 'MISSED'}`;
}
