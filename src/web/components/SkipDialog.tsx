import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { SKIP_REASONS } from '../../shared/api.ts';
import { Kbd } from './Kbd.tsx';

export type SkipReason = (typeof SKIP_REASONS)[number];

const REASON_LABELS: Record<SkipReason, string> = {
  unclear: 'The item or the instructions are unclear',
  broken_media: 'The media does not load',
  offensive: 'Offensive or harmful content',
  not_my_language: 'Not in a language I know',
  other: 'Something else',
};

/** Asks why an item is skipped; number keys pick a reason, Enter confirms, Escape cancels. */
export function SkipDialog({
  busy,
  onCancel,
  onSkip,
}: {
  busy: boolean;
  onCancel: () => void;
  onSkip: (reason: SkipReason, note: string) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<SkipReason>('unclear');
  const [note, setNote] = useState('');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    const typing = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
    if (!typing || (event.target instanceof HTMLInputElement && event.target.type === 'radio')) {
      const index = Number(event.key) - 1;
      const picked = SKIP_REASONS[index];
      if (picked) {
        event.preventDefault();
        setReason(picked);
      }
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSkip(reason, note.trim());
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="skip-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      <form onSubmit={submit}>
        <h2 id="skip-title">Skip this item?</h2>
        <p className="muted">
          Tell the requester why; it helps them fix their data. You will not see this item again.
        </p>
        <fieldset className="radio-list">
          <legend className="sr-only">Reason</legend>
          {SKIP_REASONS.map((r, i) => (
            <label key={r} className={r === reason ? 'radio selected' : 'radio'}>
              <input
                type="radio"
                name="reason"
                value={r}
                checked={r === reason}
                onChange={() => setReason(r)}
              />
              <Kbd>{i + 1}</Kbd>
              {REASON_LABELS[r]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Note (optional)</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={1000} />
        </label>
        <div className="row end">
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            Cancel <Kbd>Esc</Kbd>
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} autoFocus>
            {busy ? 'Skipping…' : 'Skip item'} <Kbd>Enter</Kbd>
          </button>
        </div>
      </form>
    </dialog>
  );
}
