import { useEffect, useRef } from 'react';

/** True when the key press lands in a text field, where letters and digits are typing, not shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'range'].includes(target.type);
  return false;
}

/** True when Ctrl, Cmd or Alt is held (shortcuts with those are the browser's unless we say otherwise). */
export function hasModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

/** Ctrl+Enter or Cmd+Enter: submits from inside a textarea. */
export function isSubmitChord(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** The key a list entry answers to: its own hotkey, else 1–9 then 0 for the tenth. */
export function optionKeys(options: readonly { hotkey?: string | undefined }[]): string[] {
  return options.map((o, i) => o.hotkey?.toLowerCase() ?? (i < 9 ? String(i + 1) : i === 9 ? '0' : ''));
}

/** "1–4" for a legend: the first and last keys of a list (or the only one). */
export function keyRange(keys: string[]): string {
  const used = keys.filter(Boolean);
  if (used.length <= 1) return used[0] ?? '1';
  const digits = used.every((k) => /^[0-9]$/.test(k));
  return digits ? `${used[0]}–${used[used.length - 1]}` : used.join(' ');
}

/** The index of the entry whose key was pressed, or -1. */
export function optionIndex(keys: string[], event: KeyboardEvent): number {
  if (hasModifier(event) || event.key.length !== 1) return -1;
  return keys.indexOf(event.key.toLowerCase());
}

/**
 * Listens for key presses on the document while `enabled`. The handler returns true when it used
 * the key; the default action is then prevented, which also tells the workspace-level shortcuts
 * (on window, so always later) that the key is taken.
 */
export function useHotkeys(enabled: boolean, handler: (event: KeyboardEvent) => boolean): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => {
    if (!enabled) return;
    function listener(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      if (handlerRef.current(event)) event.preventDefault();
    }
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
