import type { ReactNode } from 'react';

/** A keyboard key, as shown in shortcut legends. */
export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}
