import { type Abi, type Address, getAddress, type Hex } from 'viem';
import type { ChainClients } from './chainClients.ts';
import {
  assetRegistryAbi,
  assetRegistryBytecode,
  caravanTokenAbi,
  caravanTokenBytecode,
  partnerTokenAbi,
  partnerTokenBytecode,
  provenanceRegistryAbi,
  provenanceRegistryBytecode,
  rewardsDistributorAbi,
  rewardsDistributorBytecode,
  stakeVaultAbi,
  stakeVaultBytecode,
  taskEscrowAbi,
  taskEscrowBytecode,
  tierBadgeAbi,
  tierBadgeBytecode,
} from './contracts.generated.ts';
import type { Deployment } from './deployment.ts';

export type DeployOptions = {
  /** Who holds the admin roles (token allow-list, delays, guardian); the operator by default. */
  admin?: Address;
  /** Seconds a proposed root can be revoked before it can be accepted. */
  rootDelaySeconds: number;
  /** Seconds an unlocking stake stays slashable before it can be withdrawn. */
  stakeCooldownSeconds: number;
  /** The largest share of a stake one slash may take, in basis points. */
  maxSlashBps: number;
  /** Where slashed stake goes; the admin by default. */
  slashReceiver?: Address;
  /** Also deploy a partner token for dual-reward demos (local chains). */
  partnerToken?: boolean;
  /** The platform's fee on marketplace revenue, in basis points (at most 2,000); 500 by default. */
  marketFeeBps?: number;
  /**
   * Who may change that fee (GOVERNOR_ROLE): a timelock or Governor contract puts it under on-chain governance;
   * the admin by default.
   */
  governor?: Address;
};

/** The marketplace fee when none is given: 5% of every license sale and revenue deposit. */
const DEFAULT_MARKET_FEE_BPS = 500;

/** Deploys Caravan's contracts one transaction at a time, wires their roles, and returns their addresses. */
export async function deployContracts(clients: ChainClients, o: DeployOptions): Promise<Deployment> {
  const operator = clients.operator.account.address;
  const admin = o.admin ?? operator;
  const fromBlock = Number(await clients.public.getBlockNumber());

  const deploy = async (abi: Abi, bytecode: Hex, args: readonly unknown[]): Promise<Address> => {
    const hash = await clients.operator.deployContract({ abi, bytecode, args });
    const receipt = await clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success' || !receipt.contractAddress)
      throw new Error(`deployment transaction ${hash} reverted`);
    return getAddress(receipt.contractAddress);
  };
  const call = async (address: Address, abi: Abi, functionName: string, args: readonly unknown[]) => {
    const hash = await clients.operator.writeContract({ address, abi, functionName, args });
    const receipt = await clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${functionName} on ${address} reverted (${hash})`);
  };

  const token = await deploy(caravanTokenAbi, caravanTokenBytecode, [admin]);
  const partnerToken = o.partnerToken
    ? await deploy(partnerTokenAbi, partnerTokenBytecode, [
        'Demo Partner',
        'DPT',
        10n ** 9n * 10n ** 18n,
        admin,
      ])
    : undefined;
  const distributor = await deploy(rewardsDistributorAbi, rewardsDistributorBytecode, [
    admin,
    operator,
    BigInt(o.rootDelaySeconds),
  ]);
  const escrow = await deploy(taskEscrowAbi, taskEscrowBytecode, [admin, operator, distributor]);
  const stakeVault = await deploy(stakeVaultAbi, stakeVaultBytecode, [
    admin,
    token,
    BigInt(o.stakeCooldownSeconds),
    o.maxSlashBps,
    o.slashReceiver ?? admin,
  ]);
  const badge = await deploy(tierBadgeAbi, tierBadgeBytecode, [admin, operator]);
  const provenance = await deploy(provenanceRegistryAbi, provenanceRegistryBytecode, [admin, operator]);
  // The operator registers community datasets and commits their shares; the governor sets the fee, the admin takes it.
  const assetRegistry = await deploy(assetRegistryAbi, assetRegistryBytecode, [
    admin,
    operator,
    o.governor ?? admin,
    admin,
    o.marketFeeBps ?? DEFAULT_MARKET_FEE_BPS,
  ]);

  // The operator wires the rest only where it is also the admin; otherwise the admin does it by hand.
  if (admin === operator) {
    await call(escrow, taskEscrowAbi, 'setTokenAllowed', [token, true]);
    if (partnerToken) await call(escrow, taskEscrowAbi, 'setTokenAllowed', [partnerToken, true]);
    const slasher = await clients.public.readContract({
      address: stakeVault,
      abi: stakeVaultAbi,
      functionName: 'SLASHER_ROLE',
    });
    await call(stakeVault, stakeVaultAbi, 'grantRole', [slasher, operator]);
    await call(assetRegistry, assetRegistryAbi, 'setCurrencyAllowed', [token, true]);
    if (partnerToken) await call(assetRegistry, assetRegistryAbi, 'setCurrencyAllowed', [partnerToken, true]);
  }
  return {
    chainId: clients.chain.id,
    token,
    ...(partnerToken ? { partnerToken } : {}),
    escrow,
    distributor,
    stakeVault,
    badge,
    provenance,
    assetRegistry,
    fromBlock,
    deployedAt: new Date().toISOString(),
  };
}
