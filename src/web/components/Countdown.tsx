import { useEffect, useState } from 'react';
import { formatClock } from '../lib/format.ts';

/** Time left until `until` (an assignment's lease by default); warns in the last minute and calls `onExpire` once at zero. */
export function Countdown({
  until,
  onExpire,
  title = 'Time left before this item goes back to the pool',
  expiredLabel = 'Lease expired',
}: {
  until: string;
  onExpire?: () => void;
  title?: string;
  expiredLabel?: string;
}) {
  const end = new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, (end - now) / 1000);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const expired = left <= 0;
  useEffect(() => {
    if (expired) onExpire?.();
  }, [expired, onExpire]);

  const tone = expired ? 'expired' : left < 60 ? 'warning' : 'normal';
  return (
    <span className={`countdown countdown-${tone}`} title={title}>
      {expired ? expiredLabel : `${formatClock(left)} left`}
    </span>
  );
}
