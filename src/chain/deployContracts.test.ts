import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { type Address, erc20Abi, getAddress, type Hex, keccak256, maxUint256, parseEther, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetRegistryAbi } from './contracts.generated.ts';
import { deployContracts } from './deployContracts.ts';
import { type LocalChain, startLocalChain } from './startLocalChain.ts';

// A real anvil with the contracts as deployContracts leaves them: roles, currencies and fee wired.
let local: LocalChain;
beforeAll(async () => {
  local = await startLocalChain({ rootDelaySeconds: 0, stakeCooldownSeconds: 0 });
}, 60_000);
afterAll(async () => {
  await local?.stop();
});

const read = (functionName: string, args: readonly unknown[] = []) =>
  local.clients.public.readContract({
    address: local.deployment.assetRegistry,
    abi: assetRegistryAbi,
    functionName,
    args,
  } as never) as Promise<unknown>;

async function write(
  address: Address,
  abi: readonly unknown[],
  functionName: string,
  args: readonly unknown[],
) {
  const hash = await local.clients.operator.writeContract({ address, abi, functionName, args } as never);
  const receipt = await local.clients.public.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe('success');
}

const terms = (currency: Address, priceWei: bigint) => ({
  commercialUse: true,
  derivativesAllowed: true,
  parentShareBps: 0,
  price: priceWei,
  currency,
  durationSeconds: 86_400n,
  attributionRequired: false,
});

describe('deployContracts: the asset registry', () => {
  it('is deployed with the operator as registrar, the admin as governor and fee receiver, and 5% fee', async () => {
    const operator = local.clients.operator.account.address;
    const d = local.deployment;
    expect(await local.clients.public.getCode({ address: d.assetRegistry })).toMatch(/^0x[0-9a-f]{100,}/);
    expect(await read('hasRole', [await read('REGISTRAR_ROLE'), operator])).toBe(true);
    expect(await read('hasRole', [await read('GOVERNOR_ROLE'), operator])).toBe(true);
    expect(await read('feeBps')).toBe(500);
    expect(await read('feeReceiver')).toBe(operator);
    expect(await read('isCurrencyAllowed', [d.token])).toBe(true);
    expect(d.partnerToken).toBeDefined();
    expect(await read('isCurrencyAllowed', [d.partnerToken])).toBe(true);
  });

  it('hands the fee to a governor of the deployer’s choosing (a timelock, say), and only to it', async () => {
    const governor = getAddress('0x000000000000000000000000000000000000da0a');
    const d = await deployContracts(local.clients, {
      rootDelaySeconds: 0,
      stakeCooldownSeconds: 0,
      maxSlashBps: 5000,
      marketFeeBps: 250,
      governor,
    });
    const readOf = (functionName: string, args: readonly unknown[] = []) =>
      local.clients.public.readContract({
        address: d.assetRegistry,
        abi: assetRegistryAbi,
        functionName,
        args,
      } as never) as Promise<unknown>;
    const role = await readOf('GOVERNOR_ROLE');
    expect(await readOf('hasRole', [role, governor])).toBe(true);
    expect(await readOf('hasRole', [role, local.clients.operator.account.address])).toBe(false);
    expect(await readOf('feeBps')).toBe(250);
  });

  it('sells a license and pays co-owners by a StandardMerkleTree root of (address, uint256) shares', async () => {
    const d = local.deployment;
    const registry = d.assetRegistry;
    const operator = local.clients.operator.account.address;
    await write(d.token, erc20Abi, 'approve', [registry, maxUint256]);
    const id = ((await read('assetCount')) as bigint) + 1n;
    await write(registry, assetRegistryAbi, 'registerFor', [
      operator,
      0,
      keccak256(toHex('community dataset')),
      'ipfs://dataset',
      terms(d.token, parseEther('10')),
      [],
    ]);
    const holders: [Hex, string][] = [
      ['0x00000000000000000000000000000000000C0001', '1'],
      ['0x00000000000000000000000000000000000C0002', '3'],
      ['0x00000000000000000000000000000000000C0003', '6'],
    ];
    const tree = StandardMerkleTree.of(holders, ['address', 'uint256']);
    await write(registry, assetRegistryAbi, 'commitShares', [id, tree.root, 10n]);
    await write(registry, assetRegistryAbi, 'purchaseLicense', [id, d.token, parseEther('10')]);
    expect(await read('hasLicense', [id, operator])).toBe(true);

    // 10 tokens less the 5% fee is 9.5; the co-owner of 3 of 10 is owed 2.85.
    const [account, weight] = holders[1]!;
    const proof = tree.getProof(1) as Hex[];
    expect(await read('claimable', [id, d.token, account, BigInt(weight)])).toBe(parseEther('2.85'));
    await write(registry, assetRegistryAbi, 'claimRevenue', [id, d.token, account, BigInt(weight), proof]);
    const balance = await local.clients.public.readContract({
      address: d.token,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [account],
    });
    expect(balance).toBe(parseEther('2.85'));
    expect(await read('claimable', [id, d.token, account, BigInt(weight)])).toBe(0n);
  });
});
