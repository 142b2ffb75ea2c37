import { useState } from 'react';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { useSession } from '../lib/SessionProvider.tsx';

/** The daily check-in: once per UTC day; afterwards the button says so and stays disabled. */
export function CheckInButton({
  checkedInToday,
  onCheckedIn,
}: {
  checkedInToday: boolean;
  onCheckedIn: () => void;
}) {
  const { refresh } = useSession();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(checkedInToday);
  const [error, setError] = useState<string | null>(null);

  async function checkIn() {
    setBusy(true);
    setError(null);
    try {
      await apiClient.checkIn();
      setDone(true);
      onCheckedIn();
      // The level pill in the top bar shows XP too.
      void refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const checked = done || checkedInToday;
  return (
    <div className="checkin">
      <button
        type="button"
        className={checked ? 'btn' : 'btn btn-primary'}
        onClick={() => void checkIn()}
        disabled={busy || checked}
      >
        {checked ? '✓ Checked in today' : busy ? 'Checking in…' : 'Check in for today'}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
