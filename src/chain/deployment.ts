import fs from 'node:fs/promises';
import path from 'node:path';
import { getAddress } from 'viem';
import { z } from 'zod';

const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'an address: 0x followed by 40 hex digits')
  .transform((a) => getAddress(a));

/** Where Caravan's contracts live on one chain: written by `caravan deploy` (or the first local start). */
export const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  token: address,
  /** A partner token for dual-reward demos; on a real chain, partners bring their own. */
  partnerToken: address.optional(),
  escrow: address,
  distributor: address,
  stakeVault: address,
  badge: address,
  provenance: address,
  /** Assets (datasets, models, agents), their licenses and their revenue with royalties. */
  assetRegistry: address,
  /** The block the contracts were deployed in: event sync starts there. */
  fromBlock: z.number().int().nonnegative(),
  deployedAt: z.string(),
});
export type Deployment = z.infer<typeof deploymentSchema>;

/** Reads a deployment file, or null when there is none; a malformed file is an error that names it. */
export async function readDeployment(file: string): Promise<Deployment | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${file} is not JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = deploymentSchema.safeParse(json);
  if (!parsed.success && predatesMarketplace(json))
    throw new Error(
      `${file} was written before Caravan had its marketplace contracts (it names no assetRegistry). Its contracts ` +
        'still work, but Caravan needs all of them: on a local chain, delete the chain directory beside it ' +
        '(anvil-state.json and deployment.json) to start a new chain; on a remote chain, run "caravan deploy" again.',
    );
  if (!parsed.success)
    throw new Error(
      `${file} is not a Caravan deployment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  return parsed.data;
}

/** Whether a file is a whole deployment of the contracts Caravan had before the asset registry. */
function predatesMarketplace(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || 'assetRegistry' in json) return false;
  return deploymentSchema.omit({ assetRegistry: true }).safeParse(json).success;
}

/** Writes a deployment file atomically (a crash leaves the old file or the new one, never half of one). */
export async function writeDeployment(file: string, deployment: Deployment): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(deployment, null, 2)}\n`);
  await fs.rename(tmp, file);
}
