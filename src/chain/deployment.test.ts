import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Deployment, readDeployment, writeDeployment } from './deployment.ts';

const address = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const current = {
  chainId: 31_337,
  token: address(1),
  escrow: address(2),
  distributor: address(3),
  stakeVault: address(4),
  badge: address(5),
  provenance: address(6),
  assetRegistry: address(7),
  fromBlock: 0,
  deployedAt: '2026-01-01T00:00:00.000Z',
};

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-deployment-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = async (name: string, json: unknown) => {
  const f = path.join(dir, name);
  await fs.writeFile(f, JSON.stringify(json));
  return f;
};

describe('readDeployment', () => {
  it('reads back what writeDeployment wrote, with checksummed addresses', async () => {
    const f = path.join(dir, 'written.json');
    await writeDeployment(f, current as Deployment);
    const d = await readDeployment(f);
    expect(d?.assetRegistry).toBe('0x0000000000000000000000000000000000000007');
    expect(d).toEqual(current);
  });

  it('answers null when there is no file', async () => {
    expect(await readDeployment(path.join(dir, 'missing.json'))).toBeNull();
  });

  it('says a file from before the marketplace must be redeployed, and how', async () => {
    const { assetRegistry: _, ...old } = current;
    const f = await file('old.json', old);
    await expect(readDeployment(f)).rejects.toThrow(
      /no assetRegistry.*delete the chain directory.*caravan deploy/s,
    );
  });

  it('lists what is wrong with any other malformed file', async () => {
    const f = await file('bad.json', { ...current, assetRegistry: 'nope', escrow: undefined });
    await expect(readDeployment(f)).rejects.toThrow(
      /is not a Caravan deployment:\n.*escrow.*\n.*assetRegistry/s,
    );
  });
});
