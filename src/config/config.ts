import path from 'node:path';
import { z } from 'zod';
import type { RateLimits } from '../http/rateLimit.ts';

/** Everything Caravan reads from its environment, parsed once at boot. */
const envSchema = z.object({
  CARAVAN_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  CARAVAN_HOST: z.string().default('127.0.0.1'),
  CARAVAN_DATA_DIR: z.string().default('.caravan'),
  /** A PostgreSQL server to use instead of the embedded one. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Sign in with local development keys. Never on unless set. */
  CARAVAN_DEV_WALLETS: z.enum(['true', 'false']).optional(),
  /** The public origin people reach the app at; Sign-In with Ethereum messages must name its host. */
  CARAVAN_PUBLIC_URL: z.url().optional(),
  CARAVAN_CHAIN_ID: z.coerce.number().int().positive().default(31_337),
  CARAVAN_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** What this process runs: the API and web app, the background worker and chain rounds, or both. */
  CARAVAN_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  /** Sign-in attempts allowed per client address per minute. */
  CARAVAN_RATE_SIGNIN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /** Answers and reviews allowed per account per minute (and ten times that per client address). */
  CARAVAN_RATE_SUBMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** Exports allowed per account per hour (and ten times that per client address). */
  CARAVAN_RATE_EXPORT_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Take the client's address from X-Forwarded-For (set behind a load balancer that writes it). */
  CARAVAN_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CARAVAN_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  /** A model judge: the base URL of any OpenAI-compatible chat-completions API (ending in /v1). */
  CARAVAN_JUDGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  CARAVAN_JUDGE_MODEL: z.string().min(1).max(200).default('gpt-4o-mini'),
  CARAVAN_JUDGE_API_KEY: z.string().min(1).optional(),
  /** A JSON file of progress rules (level thresholds, XP, demotion, tiers); the defaults otherwise. */
  CARAVAN_PROGRESS_RULES: z.string().min(1).optional(),
  /** The address whose signed reputation files anyone may import. */
  CARAVAN_REPUTATION_SIGNER: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'an address: 0x followed by 40 hex digits')
    .optional(),
  /** How long after an answer its project's quality pass runs (answers arriving meanwhile join it). */
  CARAVAN_QUALITY_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  /** An EVM node to settle on instead of the local anvil; needs CARAVAN_OPERATOR_KEY and a deployment file. */
  CHAIN_RPC_URL: z.url({ protocol: /^(https?|wss?)$/ }).optional(),
  /** The key the platform signs its transactions with (root proposals, escrow releases, anchors, badges). */
  CARAVAN_OPERATOR_KEY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, 'a private key: 0x followed by 64 hex digits')
    .optional(),
  /** The contract addresses on that chain, as `caravan deploy` wrote them; <data dir>/chain/deployment.json by default. */
  CARAVAN_DEPLOYMENT: z.string().min(1).optional(),
  /** Seconds approved work waits before it is settled (QA and reviews may still overturn it meanwhile). */
  CARAVAN_HOLD_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(60),
  /** The shortest time between two settlement epochs (each is a root proposal and acceptance on chain). */
  CARAVAN_EPOCH_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(60),
  /** Seconds between settlement rounds (chain sync, epochs, anchors, badges). */
  CARAVAN_SETTLE_SECONDS: z.coerce.number().min(0.1).max(86_400).default(15),
  /** Seconds a proposed root can be revoked before it is accepted (used when deploying). */
  CARAVAN_ROOT_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(30),
  /** Seconds an unlocking stake stays slashable (used when deploying). */
  CARAVAN_STAKE_COOLDOWN_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365 * 86_400)
    .default(7 * 86_400),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  devWallets: boolean;
  publicUrl: string | undefined;
  chainId: number;
  seedDemo: boolean;
  role: 'all' | 'api' | 'worker';
  rateLimits: RateLimits;
  trustProxy: boolean;
  dbPoolSize: number;
  judge: { url: string; model: string; apiKey: string | undefined } | null;
  qualityDelayMs: number;
  progressRulesFile: string | undefined;
  reputationSigner: `0x${string}` | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  chain: {
    /** None: start a local anvil in the data directory. */
    rpcUrl: string | undefined;
    operatorKey: `0x${string}` | undefined;
    deploymentFile: string;
    holdSeconds: number;
    epochSeconds: number;
    settleSeconds: number;
    rootDelaySeconds: number;
    stakeCooldownSeconds: number;
  };
};

export type ConfigOverrides = Partial<
  Pick<Config, 'port' | 'dataDir' | 'host' | 'databaseUrl' | 'devWallets' | 'role'>
>;

/** Parses the environment (and command-line overrides) into a Config, reporting every problem at once. */
export function loadConfig(env: Record<string, string | undefined>, overrides: ConfigOverrides = {}): Config {
  // An empty value (`CARAVAN_PORT=` in an .env file) means unset, not 0 or the current directory.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Caravan's environment has problems:\n${problems}`);
  }
  const e = parsed.data;
  if (e.CHAIN_RPC_URL && !e.CARAVAN_OPERATOR_KEY)
    throw new Error(
      "Caravan's environment has problems:\n  CARAVAN_OPERATOR_KEY: required with CHAIN_RPC_URL (the key that signs the platform's transactions)",
    );
  const dataDir = path.resolve(overrides.dataDir ?? e.CARAVAN_DATA_DIR);
  const databaseUrl = overrides.databaseUrl ?? e.DATABASE_URL;
  const role = overrides.role ?? e.CARAVAN_ROLE;
  // Split roles share one database and one chain, which the embedded ones cannot be.
  if (role !== 'all' && (!databaseUrl || !e.CHAIN_RPC_URL))
    throw new Error(
      `Caravan's environment has problems:\n  CARAVAN_ROLE: the ${role} role runs beside other processes, so it needs DATABASE_URL (a shared PostgreSQL server) and CHAIN_RPC_URL (a shared chain node)`,
    );
  return {
    port: overrides.port ?? e.CARAVAN_PORT,
    host: overrides.host ?? e.CARAVAN_HOST,
    dataDir,
    databaseUrl,
    devWallets: overrides.devWallets ?? e.CARAVAN_DEV_WALLETS === 'true',
    publicUrl: e.CARAVAN_PUBLIC_URL,
    chainId: e.CARAVAN_CHAIN_ID,
    seedDemo: e.CARAVAN_SEED_DEMO === 'true',
    role,
    rateLimits: {
      signIn: {
        windowSeconds: 60,
        perAccount: e.CARAVAN_RATE_SIGNIN_PER_MINUTE,
        perAddress: e.CARAVAN_RATE_SIGNIN_PER_MINUTE,
      },
      submit: {
        windowSeconds: 60,
        perAccount: e.CARAVAN_RATE_SUBMIT_PER_MINUTE,
        perAddress: 10 * e.CARAVAN_RATE_SUBMIT_PER_MINUTE,
      },
      export: {
        windowSeconds: 3600,
        perAccount: e.CARAVAN_RATE_EXPORT_PER_HOUR,
        perAddress: 10 * e.CARAVAN_RATE_EXPORT_PER_HOUR,
      },
    },
    trustProxy: e.CARAVAN_TRUST_PROXY === 'true',
    dbPoolSize: e.CARAVAN_DB_POOL_SIZE,
    judge: e.CARAVAN_JUDGE_URL
      ? { url: e.CARAVAN_JUDGE_URL, model: e.CARAVAN_JUDGE_MODEL, apiKey: e.CARAVAN_JUDGE_API_KEY }
      : null,
    qualityDelayMs: e.CARAVAN_QUALITY_DELAY_MS,
    progressRulesFile: e.CARAVAN_PROGRESS_RULES ? path.resolve(e.CARAVAN_PROGRESS_RULES) : undefined,
    reputationSigner: e.CARAVAN_REPUTATION_SIGNER as `0x${string}` | undefined,
    logLevel: e.LOG_LEVEL,
    chain: {
      rpcUrl: e.CHAIN_RPC_URL,
      operatorKey: e.CARAVAN_OPERATOR_KEY as `0x${string}` | undefined,
      deploymentFile: path.resolve(e.CARAVAN_DEPLOYMENT ?? path.join(dataDir, 'chain', 'deployment.json')),
      holdSeconds: e.CARAVAN_HOLD_SECONDS,
      epochSeconds: e.CARAVAN_EPOCH_SECONDS,
      settleSeconds: e.CARAVAN_SETTLE_SECONDS,
      rootDelaySeconds: e.CARAVAN_ROOT_DELAY_SECONDS,
      stakeCooldownSeconds: e.CARAVAN_STAKE_COOLDOWN_SECONDS,
    },
  };
}
