import { Fragment } from 'react';
import { Kbd } from './Kbd.tsx';

export type Shortcut = { keys: string[]; action: string };

/** The visible list of keyboard shortcuts under each annotation workspace. */
export function ShortcutLegend({ shortcuts }: { shortcuts: Shortcut[] }) {
  return (
    <ul className="shortcuts" aria-label="Keyboard shortcuts">
      {shortcuts.map((s) => (
        <li key={s.action}>
          {s.keys.map((k, i) => (
            <Fragment key={k}>
              {i > 0 && <span className="muted"> / </span>}
              <Kbd>{k}</Kbd>
            </Fragment>
          ))}
          <span>{s.action}</span>
        </li>
      ))}
    </ul>
  );
}
