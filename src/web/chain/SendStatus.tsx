import { Alert } from '../components/Alert.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import type { WalletSend } from './useWalletSend.ts';

/** The running step of a wallet send, or how it ended. */
export function SendStatus({ send }: { send: WalletSend }) {
  const { busy, progress, error, done } = send;
  return (
    <div className="send-status" aria-live="polite">
      {busy && (
        <div className="send-progress" role="status">
          <span className="spinner" aria-hidden />
          <span>{progress?.message ?? `${busy}…`}</span>
          {progress && progress.total > 1 && (
            <ProgressBar
              value={progress.phase === 'done' ? progress.total : progress.step - 1}
              max={progress.total}
              label={`Step ${progress.step} of ${progress.total}`}
            />
          )}
        </div>
      )}
      {error && !busy && <Alert title="That did not go through">{error}</Alert>}
      {done && !busy && <Alert tone="success">{done}</Alert>}
    </div>
  );
}
