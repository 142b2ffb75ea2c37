import { useState } from 'react';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { shortAddress } from '../lib/format.ts';
import { type Eip1193Provider, injectedWallet } from '../lib/injectedWallet.ts';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';

/** Loads viem only when someone actually signs in with a wallet. */
async function signInWithWallet(wallet: Eip1193Provider, chainId: number) {
  const { walletSignIn } = await import('../lib/walletSignIn.ts');
  return walletSignIn(wallet, chainId);
}

/** Sign in with a browser wallet, or as a built-in dev account when the server allows it. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { setMe } = useSession();
  const config = useAsync(() => apiClient.authConfig(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const wallet = injectedWallet();

  async function run(label: string, action: () => Promise<Parameters<typeof setMe>[0]>) {
    setBusy(label);
    setError(null);
    try {
      setMe(await action());
      onSignedIn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="signin">
      <div className="signin-card card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden />
          Caravan
        </div>
        <p className="lead">Label data, get paid fairly, and prove every contribution.</p>
        {error && <Alert title="Sign-in failed">{error}</Alert>}
        {config.error && (
          <Alert
            title="Cannot reach the server"
            action={
              <button type="button" className="btn" onClick={config.reload}>
                Retry
              </button>
            }
          >
            {config.error}
          </Alert>
        )}

        <section className="signin-section">
          <h2>Sign in with a wallet</h2>
          {wallet ? (
            <button
              type="button"
              className="btn btn-primary block"
              disabled={busy !== null || !config.data}
              onClick={() =>
                config.data && void run('wallet', () => signInWithWallet(wallet, config.data!.chainId))
              }
            >
              {busy === 'wallet' ? 'Waiting for your wallet…' : 'Sign in with wallet'}
            </button>
          ) : (
            <p className="muted">
              No browser wallet found. Install one such as MetaMask, Rabby or Frame, then reload this page.
              Your wallet address is your account: nothing is paid or sent when you sign in.
            </p>
          )}
        </section>

        {config.loading && !config.data ? (
          <Loading />
        ) : config.data?.devWallets && config.data.devAccounts.length > 0 ? (
          <section className="signin-section">
            <h2>Development accounts</h2>
            <p className="muted small">
              This server runs in local mode, so you can act as any of these test accounts.
            </p>
            <ul className="dev-accounts">
              {config.data.devAccounts.map((a) => (
                <li key={a.name}>
                  <button
                    type="button"
                    className="btn block dev-account"
                    disabled={busy !== null}
                    onClick={() => void run(a.name, () => apiClient.devSignIn(a.name))}
                  >
                    <span className="dev-account-name">
                      {busy === a.name ? 'Signing in…' : `Sign in as ${a.name}`}
                    </span>
                    <span className="muted small">
                      {a.description} · <span className="mono">{shortAddress(a.address)}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
