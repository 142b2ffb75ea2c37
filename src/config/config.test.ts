import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

/** The message loadConfig throws, failing the test when it does not throw. */
function problemsOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: path.resolve('.caravan'),
      databaseUrl: undefined,
      devWallets: false,
      publicUrl: undefined,
      chainId: 31_337,
      seedDemo: true,
      role: 'all',
      rateLimits: {
        signIn: { windowSeconds: 60, perAccount: 30, perAddress: 30 },
        submit: { windowSeconds: 60, perAccount: 300, perAddress: 3000 },
        export: { windowSeconds: 3600, perAccount: 60, perAddress: 600 },
      },
      trustProxy: false,
      dbPoolSize: 20,
      judge: null,
      qualityDelayMs: 1000,
      progressRulesFile: undefined,
      reputationSigner: undefined,
      logLevel: 'info',
      chain: {
        rpcUrl: undefined,
        operatorKey: undefined,
        deploymentFile: path.resolve('.caravan/chain/deployment.json'),
        holdSeconds: 60,
        epochSeconds: 60,
        settleSeconds: 15,
        rootDelaySeconds: 30,
        stakeCooldownSeconds: 604_800,
      },
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        CARAVAN_PORT: '9000',
        CARAVAN_HOST: '0.0.0.0',
        CARAVAN_DATA_DIR: '/var/lib/caravan',
        DATABASE_URL: 'postgresql://u:p@db.example:5432/caravan',
        CARAVAN_DEV_WALLETS: 'true',
        CARAVAN_PUBLIC_URL: 'https://caravan.example',
        CARAVAN_CHAIN_ID: '8453',
        CARAVAN_SEED_DEMO: 'false',
        CARAVAN_ROLE: 'api',
        CARAVAN_RATE_SIGNIN_PER_MINUTE: '5',
        CARAVAN_RATE_SUBMIT_PER_MINUTE: '100',
        CARAVAN_RATE_EXPORT_PER_HOUR: '2',
        CARAVAN_TRUST_PROXY: 'true',
        CARAVAN_DB_POOL_SIZE: '5',
        CARAVAN_JUDGE_URL: 'http://127.0.0.1:11434/v1',
        CARAVAN_JUDGE_MODEL: 'llama3.1',
        CARAVAN_JUDGE_API_KEY: 'sk-test',
        CARAVAN_QUALITY_DELAY_MS: '250',
        CARAVAN_PROGRESS_RULES: '/etc/caravan/progress.json',
        CARAVAN_REPUTATION_SIGNER: '0x000000000000000000000000000000000000bEEF',
        CHAIN_RPC_URL: 'https://rpc.example',
        CARAVAN_OPERATOR_KEY: `0x${'ab'.repeat(32)}`,
        CARAVAN_DEPLOYMENT: '/etc/caravan/deployment.json',
        CARAVAN_HOLD_SECONDS: '3600',
        CARAVAN_EPOCH_SECONDS: '86400',
        CARAVAN_SETTLE_SECONDS: '60',
        CARAVAN_ROOT_DELAY_SECONDS: '86400',
        CARAVAN_STAKE_COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/caravan',
      databaseUrl: 'postgresql://u:p@db.example:5432/caravan',
      devWallets: true,
      publicUrl: 'https://caravan.example',
      chainId: 8453,
      seedDemo: false,
      role: 'api',
      rateLimits: {
        signIn: { windowSeconds: 60, perAccount: 5, perAddress: 5 },
        submit: { windowSeconds: 60, perAccount: 100, perAddress: 1000 },
        export: { windowSeconds: 3600, perAccount: 2, perAddress: 20 },
      },
      trustProxy: true,
      dbPoolSize: 5,
      judge: { url: 'http://127.0.0.1:11434/v1', model: 'llama3.1', apiKey: 'sk-test' },
      qualityDelayMs: 250,
      progressRulesFile: '/etc/caravan/progress.json',
      reputationSigner: '0x000000000000000000000000000000000000bEEF',
      logLevel: 'debug',
      chain: {
        rpcUrl: 'https://rpc.example',
        operatorKey: `0x${'ab'.repeat(32)}`,
        deploymentFile: '/etc/caravan/deployment.json',
        holdSeconds: 3600,
        epochSeconds: 86_400,
        settleSeconds: 60,
        rootDelaySeconds: 86_400,
        stakeCooldownSeconds: 0,
      },
    });
  });

  it('asks a split role for a shared database and chain', () => {
    expect(problemsOf({ CARAVAN_ROLE: 'worker' })).toMatch(
      /CARAVAN_ROLE: the worker role .* needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/caravan' }, { role: 'api' })).toThrow(
      /CHAIN_RPC_URL/,
    );
  });

  it('asks for the operator key when a chain RPC URL is set', () => {
    expect(problemsOf({ CHAIN_RPC_URL: 'https://rpc.example' })).toMatch(/CARAVAN_OPERATOR_KEY: required/);
    expect(problemsOf({ CHAIN_RPC_URL: 'https://rpc.example', CARAVAN_OPERATOR_KEY: '0x12' })).toMatch(
      /CARAVAN_OPERATOR_KEY: a private key/,
    );
  });

  it('accepts postgres:// as well as postgresql://', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/caravan' }).databaseUrl).toBe(
      'postgres://localhost/caravan',
    );
  });

  it('keeps dev wallets off unless set to "true"', () => {
    expect(loadConfig({ CARAVAN_DEV_WALLETS: 'false' }).devWallets).toBe(false);
    expect(loadConfig({}).devWallets).toBe(false);
  });

  it('resolves a relative data directory against the working directory', () => {
    expect(loadConfig({ CARAVAN_DATA_DIR: 'data/here' }).dataDir).toBe(path.resolve('data/here'));
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' }).port).toBe(8787);
  });

  it('lets command-line overrides win over the environment', () => {
    const config = loadConfig(
      {
        CARAVAN_PORT: '9000',
        CARAVAN_HOST: '0.0.0.0',
        CARAVAN_DEV_WALLETS: 'true',
        DATABASE_URL: 'postgres://a/b',
      },
      { port: 1234, host: 'localhost', dataDir: 'other', databaseUrl: 'postgres://c/d', devWallets: false },
    );
    expect(config).toMatchObject({
      port: 1234,
      host: 'localhost',
      dataDir: path.resolve('other'),
      databaseUrl: 'postgres://c/d',
      devWallets: false,
    });
  });

  it('accepts port 0 when asked for explicitly', () => {
    expect(loadConfig({ CARAVAN_PORT: '0' }).port).toBe(0);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ CARAVAN_PORT: 'abc', DATABASE_URL: 'mysql://x' })).toBe(
      "Caravan's environment has problems:\n" +
        '  CARAVAN_PORT: Invalid input: expected number, received NaN\n' +
        '  DATABASE_URL: Invalid URL',
    );
  });

  it('names each bad variable', () => {
    const message = problemsOf({
      CARAVAN_PORT: '70000',
      CARAVAN_DEV_WALLETS: 'yes',
      CARAVAN_PUBLIC_URL: 'not a url',
      CARAVAN_CHAIN_ID: '0',
      CARAVAN_SEED_DEMO: '1',
      CARAVAN_ROLE: 'web',
      CARAVAN_DB_POOL_SIZE: '501',
      LOG_LEVEL: 'loud',
    });
    const named = message
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(':')[0]);
    expect(named).toEqual([
      'CARAVAN_PORT',
      'CARAVAN_DEV_WALLETS',
      'CARAVAN_PUBLIC_URL',
      'CARAVAN_CHAIN_ID',
      'CARAVAN_SEED_DEMO',
      'CARAVAN_ROLE',
      'CARAVAN_DB_POOL_SIZE',
      'LOG_LEVEL',
    ]);
  });

  it('refuses a fractional port and a negative one', () => {
    expect(problemsOf({ CARAVAN_PORT: '80.5' })).toMatch(
      /^Caravan's environment has problems:\n {2}CARAVAN_PORT: /,
    );
    expect(problemsOf({ CARAVAN_PORT: '-1' })).toMatch(
      /^Caravan's environment has problems:\n {2}CARAVAN_PORT: /,
    );
  });

  it('treats an empty CARAVAN_PORT as unset rather than as port 0', () => {
    // Bug: z.coerce.number() turns '' into 0, so `CARAVAN_PORT=` silently listens on a random port.
    expect(loadConfig({ CARAVAN_PORT: '' }).port).toBe(8787);
  });
});
