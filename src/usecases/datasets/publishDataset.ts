import { bytesToHex, concatBytes } from 'viem';
import { coOwnershipShares } from '../../domain/datasets/coOwnershipShares.ts';
import { SHARE_FORMULA } from '../../domain/datasets/shareFormula.ts';
import { shareTree } from '../../domain/datasets/shareTree.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ProjectId, UserId } from '../../shared/brand.ts';
import type { Deps } from '../deps.ts';
import type { Actor, DatasetRow } from '../ports.ts';
import { accessProject } from '../projects/accessProject.ts';

export type PublishDatasetInput = {
  projectId: string;
  name?: string | undefined;
  description?: string | undefined;
  licenseSummary?: string | undefined;
};

/** What a community dataset's license says when the requester gives no summary of their own. */
export const DEFAULT_LICENSE_SUMMARY =
  'Co-owned by its contributors in the published shares: revenue from every sale, license or remix is split by them.';

/**
 * Publishes a community project's dataset, once: computes every contributor's co-ownership weight from the
 * approved work so far (formula version SHARE_FORMULA.version), builds the Merkle root over (account, weight)
 * and stores both, frozen. The requesters of the project's organization and admins may; anyone else is told
 * the project does not exist.
 */
export async function publishDataset(
  deps: Pick<Deps, 'projects' | 'datasets' | 'clock'>,
  actor: Actor,
  input: PublishDatasetInput,
): Promise<DatasetRow> {
  const project = await accessProject(deps, actor, input.projectId);
  const projectId = project.id as ProjectId;
  if (project.taskType !== 'community')
    throw new DomainError(
      'NOT_COMMUNITY_PROJECT',
      `"${project.name}" is a ${project.taskType.replace('_', '-')} project: its contributors were paid, so it has no co-owners; only community projects publish a co-owned dataset`,
      { projectId, taskType: project.taskType },
    );
  const already = await deps.datasets.byProject(projectId);
  if (already)
    throw new DomainError(
      'DATASET_ALREADY_PUBLISHED',
      `"${project.name}" was already published as dataset ${already.id}; its shares are frozen`,
      { datasetId: already.id },
    );

  const computed = coOwnershipShares(await deps.datasets.shareInputs(projectId));
  if (computed.answersCounted === 0)
    throw new DomainError(
      'NOTHING_APPROVED',
      `"${project.name}" has no approved answers yet: run the quality pass, or review and QA its answers, then publish`,
      { projectId },
    );
  const tree = shareTree(computed.shares);
  const published = await deps.datasets.publish({
    projectId,
    orgId: project.orgId as DatasetRow['orgId'],
    name: input.name ?? project.name,
    description: input.description ?? project.description,
    licenseSummary: input.licenseSummary ?? DEFAULT_LICENSE_SUMMARY,
    publishedAt: deps.clock.now(),
    publishedBy: actor.id as UserId,
    rowCount: computed.itemsCounted,
    answerCount: computed.answersCounted,
    reviewCount: computed.reviewsCounted,
    contributorCount: computed.shares.length,
    shareRoot: bytesToHex(tree.root),
    totalWeight: computed.totalWeight,
    formulaVersion: SHARE_FORMULA.version,
    shares: computed.shares.map((s, i) => ({
      account: s.account,
      weight: s.weight,
      sharePpm: s.sharePpm,
      answersCounted: s.answersCounted,
      reviewsCounted: s.reviewsCounted,
      accuracyPpm: s.accuracyPpm,
      proof: concatBytes(tree.proof(i)),
    })),
  });
  // A parallel request published first: the frozen shares are that one's.
  if (!published)
    throw new DomainError(
      'DATASET_ALREADY_PUBLISHED',
      `"${project.name}" was just published by another request`,
      {
        projectId,
      },
    );
  return published;
}
