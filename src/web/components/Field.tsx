import type { ReactNode } from 'react';

/** A labelled form control with an optional hint and the validation messages for it. */
export function Field({
  label,
  issues,
  hint,
  children,
}: {
  label: string;
  issues: string[];
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children
    <label className={issues.length ? 'field invalid' : 'field'}>
      <span>{label}</span>
      {children}
      {hint && <span className="hint">{hint}</span>}
      {issues.map((m) => (
        <span key={m} className="field-error">
          {m}
        </span>
      ))}
    </label>
  );
}
