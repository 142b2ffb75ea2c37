import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort } from '../db/embeddedPostgres.ts';
import { ChainError } from './chainError.ts';

export type RunningAnvil = { rpcUrl: string; chainId: number; stop: () => Promise<void> };

export type StartAnvilOptions = {
  /** Where the chain's state is kept across restarts; none keeps it in memory only (tests). */
  stateFile?: string;
  chainId?: number;
  /** Seconds per block when set; otherwise a block per transaction. */
  blockTime?: number;
  log?: (line: string) => void;
};

/** The anvil binary from the npm package `@foundry-rs/anvil-linux-amd64`, run directly so signals reach it. */
export function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.join(
      path.dirname(require.resolve('@foundry-rs/anvil-linux-amd64/package.json')),
      'bin/anvil',
    );
  } catch (cause) {
    throw new ChainError(
      `no anvil build for ${process.platform}-${process.arch}: set CHAIN_RPC_URL to an EVM node and deploy with "caravan deploy"`,
      { cause },
    );
  }
}

/**
 * Starts a local anvil node on a free loopback port. With a state file the chain (blocks, balances,
 * contracts) survives restarts, and is written every second so even a killed process loses at most a second.
 */
export async function startAnvil(o: StartAnvilOptions = {}): Promise<RunningAnvil> {
  const port = await freePort();
  const chainId = o.chainId ?? 31_337;
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'];
  if (o.stateFile) {
    fs.mkdirSync(path.dirname(o.stateFile), { recursive: true });
    args.push('--state', o.stateFile, '--state-interval', '1');
  }
  if (o.blockTime) args.push('--block-time', String(o.blockTime));
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 50) output.shift();
    o.log?.(text);
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);

  const rpcUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForRpc(rpcUrl, child, () => output.join(''));
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { rpcUrl, chainId, stop: () => stopChild(child) };
}

/** One JSON-RPC call to a node, for the calls viem has no action for (anvil_setBalance, evm_increaseTime …). */
export async function anvilRpc(rpcUrl: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new ChainError(`${method} failed: ${body.error.message}`);
  return body.result;
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 15_000;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) throw new ChainError(`anvil exited (code ${exited}) while starting:\n${output()}`);
    try {
      await anvilRpc(rpcUrl, 'eth_chainId');
      return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new ChainError(`anvil did not answer on ${rpcUrl} within 15 s:\n${output()}`);
}

/** SIGTERM lets anvil write its state one last time; a node that hangs is killed after 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
