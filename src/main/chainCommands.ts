import type { Command } from 'commander';
import type { Hex } from 'viem';
import { loadConfig } from '../config/config.ts';
import { formatUnits, parseUnits } from '../shared/amount.ts';
import type { Client } from '../shared/client.ts';

type ApiClient = (url?: string) => Promise<{ client: Client }>;

const privateKey = (env: NodeJS.ProcessEnv): Hex | undefined => {
  const key = env.CARAVAN_PRIVATE_KEY;
  if (key === undefined) return undefined;
  if (!/^0x[0-9a-fA-F]{64}$/.test(key))
    throw new Error('CARAVAN_PRIVATE_KEY must be 0x followed by 64 hex digits');
  return key as Hex;
};

const out = (line: string) => process.stdout.write(`${line}\n`);

/** The chain commands: deploy, fund, claim, verify. */
export function addChainCommands(
  program: Command,
  o: { env: NodeJS.ProcessEnv; apiClient: ApiClient; serverOption: () => import('commander').Option },
) {
  program
    .command('deploy')
    .description(
      "deploy Caravan's contracts to an EVM chain and write their addresses (CARAVAN_OPERATOR_KEY signs)",
    )
    .requiredOption('--rpc <url>', 'the chain’s JSON-RPC URL')
    .option(
      '--out <file>',
      'where to write the deployment (default: CARAVAN_DEPLOYMENT or <data dir>/chain/deployment.json)',
    )
    .option('--root-delay <seconds>', 'seconds a proposed root can be revoked before acceptance', '86400')
    .option('--stake-cooldown <seconds>', 'seconds an unlocking stake stays slashable', '604800')
    .option(
      '--market-fee <bps>',
      'the platform’s fee on marketplace revenue, in basis points (at most 2000)',
      '500',
    )
    .option(
      '--governor <address>',
      'who may change the marketplace fee: a timelock or Governor contract (default: the deployer)',
    )
    .action(
      async (a: {
        rpc: string;
        out?: string;
        rootDelay: string;
        stakeCooldown: string;
        marketFee: string;
        governor?: string;
      }) => {
        const key = o.env.CARAVAN_OPERATOR_KEY;
        if (!key || !/^0x[0-9a-fA-F]{64}$/.test(key))
          throw new Error('set CARAVAN_OPERATOR_KEY to the deployer’s private key (0x and 64 hex digits)');
        const seconds = (v: string, name: string) => {
          const n = Number(v);
          if (!Number.isInteger(n) || n < 0) throw new Error(`${name} is a whole number of seconds`);
          return n;
        };
        const marketFeeBps = Number(a.marketFee);
        if (!Number.isInteger(marketFeeBps) || marketFeeBps < 0 || marketFeeBps > 2000)
          throw new Error('--market-fee is a whole number of basis points from 0 to 2000');
        if (a.governor !== undefined && !/^0x[0-9a-fA-F]{40}$/.test(a.governor))
          throw new Error('--governor is an address: 0x and 40 hex digits');
        // Loaded here, not at the top: the contracts and chain client are heavy, and most commands never use them.
        const { chainClients } = await import('../chain/chainClients.ts');
        const { deployContracts } = await import('../chain/deployContracts.ts');
        const { writeDeployment } = await import('../chain/deployment.ts');
        const probe = chainClients({ rpcUrl: a.rpc, chainId: 1, operatorKey: key as Hex });
        const chainId = await probe.public.getChainId();
        const clients = chainClients({ rpcUrl: a.rpc, chainId, operatorKey: key as Hex });
        out(`deploying to chain ${chainId} from ${clients.operator.account.address}…`);
        const deployment = await deployContracts(clients, {
          rootDelaySeconds: seconds(a.rootDelay, '--root-delay'),
          stakeCooldownSeconds: seconds(a.stakeCooldown, '--stake-cooldown'),
          maxSlashBps: 5000,
          marketFeeBps,
          ...(a.governor ? { governor: a.governor as Hex } : {}),
        });
        const file = a.out ?? loadConfig(o.env).chain.deploymentFile;
        await writeDeployment(file, deployment);
        for (const [name, value] of Object.entries(deployment)) out(`  ${name.padEnd(13)} ${value}`);
        out(`written to ${file}; start Caravan with CHAIN_RPC_URL=${a.rpc} and CARAVAN_OPERATOR_KEY set`);
      },
    );

  program
    .command('fund')
    .description(
      "put a project's budget in escrow (your wallet: CARAVAN_PRIVATE_KEY, or a development account)",
    )
    .argument('<projectId>', 'the project')
    .requiredOption('--amount <tokens>', 'how many tokens, e.g. 250 or 0.5')
    .option('--token <address>', "the token (default: the platform token; or the project's partner token)")
    .option('--rpc <url>', "the chain's RPC URL (default: the one the server names)")
    .addOption(o.serverOption())
    .action(async (projectId: string, a: { amount: string; token?: string; rpc?: string; url?: string }) => {
      const { client } = await o.apiClient(a.url);
      let amountWei: bigint;
      try {
        amountWei = parseUnits(a.amount);
      } catch {
        throw new Error(`--amount ${a.amount} is not a number of tokens`);
      }
      const { calls } = await client.fundCalls(projectId, amountWei.toString(), a.token);
      const { sendWalletCalls } = await import('../cli/sendWalletCalls.ts');
      const sent = await sendWalletCalls(client, calls, {
        privateKey: privateKey(o.env),
        rpcUrl: a.rpc,
        log: out,
      });
      for (const s of sent) out(`  ${s.label}: ${s.hash} (${s.status})`);
      if (sent.some((s) => s.status !== 'success'))
        throw new Error('a transaction reverted; nothing more was sent');
      const escrow = await client.escrow(projectId);
      for (const t of escrow.tokens)
        out(
          `${t.symbol}: funded ${formatUnits(BigInt(t.fundedWei))}, committed ${formatUnits(BigInt(t.committedWei))}`,
        );
    });

  program
    .command('claim')
    .description(
      'claim your settled rewards (your wallet: CARAVAN_PRIVATE_KEY, a development account, or --relay)',
    )
    .option('--relay', "have the platform's relayer claim for you (it pays the gas)")
    .option('--rpc <url>', "the chain's RPC URL (default: the one the server names)")
    .addOption(o.serverOption())
    .action(async (a: { relay?: boolean; rpc?: string; url?: string }) => {
      const { client } = await o.apiClient(a.url);
      const before = await client.rewards();
      if (a.relay) {
        const r = await client.relayClaim();
        out(`relayed ${r.claims} claim(s): ${r.txs.map((t) => t.hash).join(', ')}`);
      } else {
        const { calls } = await client.claimCalls();
        const { sendWalletCalls } = await import('../cli/sendWalletCalls.ts');
        const sent = await sendWalletCalls(client, calls, {
          privateKey: privateKey(o.env),
          rpcUrl: a.rpc,
          log: out,
        });
        for (const s of sent) out(`  ${s.label}: ${s.hash} (${s.status})`);
      }
      const after = await client.rewards();
      for (const t of after.tokens) {
        const was = before.tokens.find((x) => x.token === t.token);
        const got = BigInt(t.claimedWei) - BigInt(was?.claimedWei ?? '0');
        out(`${t.symbol}: claimed ${formatUnits(got)} now, ${formatUnits(BigInt(t.claimedWei))} in all`);
      }
    });

  program
    .command('verify')
    .description(
      'prove one answer (its ledger entry, Merkle proof, anchored batch and transaction) against the chain, or a whole export directory with --export',
    )
    .argument('[answerId]', 'the answer')
    .option('--export <dir>', 'check an export directory: file hashes, every record and proof, the anchors')
    .option('--rpc <url>', "with --export: the chain's RPC URL (default: the one the manifest names)")
    .option('--json', 'print the whole proof as JSON')
    .addOption(o.serverOption().default('http://127.0.0.1:8787'))
    .action(
      async (
        answerId: string | undefined,
        a: { export?: string; rpc?: string; json?: boolean; url: string },
      ) => {
        if (a.export) {
          const { verifyExport } = await import('../cli/verifyExport.ts');
          const v = await verifyExport({ dir: a.export, rpcUrl: a.rpc });
          out(`export of "${v.manifest.project.name}" (${v.manifest.format}, ${v.manifest.exportedAt})`);
          out(`  files    ${v.files} checked against their sha256 and size`);
          out(
            `  records  ${v.checked} of ${v.records} answers re-hashed, ledger entries and Merkle proofs recomputed`,
          );
          out(
            `  batches  ${v.batches}${v.anchored === null ? ' (anchors not checked: no chain RPC; pass --rpc)' : `, ${v.anchored} anchored in the ProvenanceRegistry on chain ${v.manifest.chain?.chainId}`}`,
          );
          for (const w of v.manifest.warnings) out(`  note     ${w}`);
          for (const p of v.problems) out(`  ✗ ${p.message}`);
          if (v.problemCount > v.problems.length)
            out(`  … and ${v.problemCount - v.problems.length} more problems`);
          if (v.problemCount) {
            const ids = [...new Set(v.problems.flatMap((p) => (p.answerId ? [p.answerId] : [])))].slice(0, 5);
            throw new Error(
              `the export does not check out: ${v.problemCount} problem(s)${ids.length ? `; first answers: ${ids.join(', ')}` : ''}`,
            );
          }
          out(
            'VERIFIED: every file, record and proof checks out' +
              (v.anchored === null ? '' : ', against the chain'),
          );
          return;
        }
        if (!answerId) throw new Error('say which answer to verify, or give --export <dir>');
        const { createClient } = await import('../shared/client.ts');
        const client = createClient({ baseUrl: a.url.replace(/\/$/, '') });
        const p = await client.answerProof(answerId);
        if (a.json) out(JSON.stringify(p, null, 2));
        else {
          out(`answer ${p.answerId} (${p.verdict})`);
          out(`  entry    project ${p.entry.projectId} #${p.entry.seq}, contributor ${p.entry.contributor}`);
          out(
            `           item ${p.entry.itemId}, answer hash ${p.entry.answerHash}, at ${p.entry.createdAt}`,
          );
          out(`           hash ${p.entry.hash}`);
          out(`  leaf     ${p.leaf ?? '(not batched yet)'}`);
          out(`  proof    ${p.proof.length ? p.proof.join('\n           ') : '(none)'}`);
          if (p.batch) {
            out(`  batch    ${p.batch.batchId} (${p.batch.count} entries, ${p.batch.status})`);
            out(`  root     ${p.batch.root}`);
            out(
              `  tx       ${p.batch.txHash ?? '(not anchored yet)'}${p.batch.blockNumber ? ` in block ${p.batch.blockNumber}` : ''}`,
            );
          }
          for (const c of p.checks)
            out(`  ${c.ok === true ? '✓' : c.ok === false ? '✗' : '–'} ${c.name}: ${c.detail}`);
          out(p.verified ? 'VERIFIED against the chain' : 'NOT VERIFIED');
        }
        if (!p.verified) throw new Error(`answer ${p.answerId} does not check out against the chain`);
      },
    );
}
