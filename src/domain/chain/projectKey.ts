import type { Hex } from 'viem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A project's id on chain (escrow key, provenance leaf): the uuid's 16 bytes, left-aligned in a bytes32. */
export function projectKey(projectId: string): Hex {
  if (!UUID.test(projectId)) throw new Error(`${projectId} is not a project id`);
  return `0x${projectId.replace(/-/g, '').toLowerCase().padEnd(64, '0')}`;
}

/** The project uuid back from its on-chain key; null when the key is not one. */
export function projectIdFromKey(key: string): string | null {
  const h = key.slice(2, 34).toLowerCase();
  const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  return UUID.test(id) && key.length === 66 && /^0*$/.test(key.slice(34)) ? id : null;
}
