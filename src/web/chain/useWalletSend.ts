import { useCallback, useState } from 'react';
import { errorMessage } from '../lib/apiClient.ts';
import { useSession } from '../lib/SessionProvider.tsx';
import { type SendProgress, type SentTx, sendCalls, type WalletCall } from '../lib/wallet.ts';

export type WalletSend = {
  /** The action running now (its name), or null. */
  busy: string | null;
  progress: SendProgress | null;
  error: string | null;
  /** What the last finished action did, for a success message. */
  done: string | null;
  /** Gets the calls from the server, sends them with the person's wallet, then runs `after`. */
  run: (
    action: string,
    getCalls: () => Promise<{ calls: WalletCall[] }>,
    after?: () => void,
  ) => Promise<void>;
  /** Runs a server action that needs no wallet (a relayed claim) with the same busy and error handling. */
  runServer: (action: string, work: () => Promise<string>, after?: () => void) => Promise<void>;
};

/** State for one place that sends wallet calls: which action runs, its step, and how it ended. */
export function useWalletSend(): WalletSend {
  const { me } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<SendProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const runServer = useCallback(async (action: string, work: () => Promise<string>, after?: () => void) => {
    setBusy(action);
    setError(null);
    setDone(null);
    setProgress(null);
    try {
      setDone(await work());
      after?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }, []);

  const run = useCallback(
    (action: string, getCalls: () => Promise<{ calls: WalletCall[] }>, after?: () => void) =>
      runServer(
        action,
        async () => {
          if (!me) throw new Error('Sign in first.');
          const { calls } = await getCalls();
          const sent: SentTx[] = await sendCalls(calls, { me, onProgress: setProgress });
          return `${action}: ${sent.length} transaction${sent.length === 1 ? '' : 's'} confirmed.`;
        },
        after,
      ),
    [me, runServer],
  );

  return { busy, progress, error, done, run, runServer };
}
