import type { EscrowRow } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { accessProject } from '../projects/accessProject.ts';
import { requireChain } from './requireChain.ts';

export type ProjectEscrow = {
  escrow: string;
  tokens: (EscrowRow & {
    symbol: string;
    decimals: number;
    role: 'platform' | 'partner';
    rewardPerItemWei: bigint;
    /** What the whole project costs at its overlap: items × overlap × reward. */
    fullCostWei: bigint;
  })[];
};

/** A project's escrow per token (as the chain's events say), beside what its work costs. */
export async function projectEscrow(
  deps: Pick<Deps, 'projects' | 'chain' | 'settlement'>,
  actor: Actor,
  projectId: string,
): Promise<ProjectEscrow> {
  const chain = requireChain(deps);
  const project = await accessProject(deps, actor, projectId);
  const rows = await deps.settlement.escrow(project.id);
  const work = BigInt(Math.max(project.itemCount - project.goldCount, 0) * project.overlap);
  const tokens: ProjectEscrow['tokens'] = [];
  const wanted: [string, 'platform' | 'partner', bigint][] = [
    [chain.contracts.token, 'platform', BigInt(project.rewardPerItemWei)],
  ];
  if (project.partnerToken)
    wanted.push([project.partnerToken, 'partner', BigInt(project.partnerRewardPerItemWei)]);
  for (const [token, role, rewardPerItemWei] of wanted) {
    const row = rows.find((r) => r.token.toLowerCase() === token.toLowerCase());
    const info = await chain.tokenInfo(token as `0x${string}`);
    tokens.push({
      token: token as `0x${string}`,
      fundedWei: row?.fundedWei ?? 0n,
      releasedWei: row?.releasedWei ?? 0n,
      refundedWei: row?.refundedWei ?? 0n,
      committedWei: row?.committedWei ?? 0n,
      requester: row?.requester ?? null,
      deadline: row?.deadline ?? null,
      ...info,
      role,
      rewardPerItemWei,
      fullCostWei: rewardPerItemWei * work,
    });
  }
  return { escrow: chain.contracts.escrow, tokens };
}
