import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

/** A friendly "nothing here yet" block with the next step to take. */
export function EmptyState({
  icon,
  title,
  children,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="empty">
      {icon && (
        <div className="empty-icon" aria-hidden>
          <Icon name={icon} size={28} />
        </div>
      )}
      <h2>{title}</h2>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}
