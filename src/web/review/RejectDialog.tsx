import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { REVIEW_REASONS, type ReviewReason } from '../../shared/api.ts';
import { Kbd } from '../components/Kbd.tsx';
import { REVIEW_REASON_LABELS } from './reviewNames.ts';

/**
 * Asks why an answer is rejected: number keys 1–6 pick a reason code, an optional note says more, Enter
 * (Ctrl+Enter in the note) confirms and Escape goes back.
 */
export function RejectDialog({
  busy,
  onCancel,
  onReject,
}: {
  busy: boolean;
  onCancel: () => void;
  onReject: (reason: ReviewReason, note: string) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState<ReviewReason>('wrong_answer');
  const [note, setNote] = useState('');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first radio; the confirm button is where Enter should land.
    confirmRef.current?.focus();
    return () => dialog?.close();
  }, []);

  function confirm() {
    if (!busy) onReject(reason, note.trim());
  }

  function onKeyDown(event: KeyboardEvent) {
    const inNote = event.target instanceof HTMLTextAreaElement;
    if (inNote) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        confirm();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const picked = REVIEW_REASONS[Number(event.key) - 1];
    if (picked) {
      event.preventDefault();
      setReason(picked);
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      // Enter confirms from a radio too; the buttons keep their own meaning.
      event.preventDefault();
      confirm();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm();
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog reject-dialog"
      aria-labelledby="reject-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      <form onSubmit={submit}>
        <h2 id="reject-title">Reject this answer?</h2>
        <p className="muted">Pick the reason; the contributor sees it with the rejection.</p>
        <fieldset className="radio-list">
          <legend className="sr-only">Reason</legend>
          {REVIEW_REASONS.map((r, i) => (
            <label key={r} className={r === reason ? 'radio selected' : 'radio'}>
              <input
                type="radio"
                name="reason"
                value={r}
                checked={r === reason}
                onChange={() => setReason(r)}
              />
              <Kbd>{i + 1}</Kbd>
              <span>
                {REVIEW_REASON_LABELS[r].label}
                <span className="muted small"> — {REVIEW_REASON_LABELS[r].hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Note (optional)</span>
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            maxLength={1000}
            placeholder={reason === 'other' ? 'What is wrong with it?' : ''}
          />
        </label>
        <div className="row end">
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            Cancel <Kbd>Esc</Kbd>
          </button>
          <button ref={confirmRef} type="submit" className="btn btn-danger" disabled={busy}>
            {busy ? 'Rejecting…' : 'Reject answer'} <Kbd>Enter</Kbd>
          </button>
        </div>
      </form>
    </dialog>
  );
}
