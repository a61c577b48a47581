/**
 * Keyboard shortcuts: one per action (F2 item, F9 print, Alt+X X report, …), registered by the panels that own the
 * actions. Function keys work from any field; while a dialog is open only the dialog's own keys count.
 */
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';

export type ShortcutMap = Record<string, () => void>;

const layers = new Set<{ current: ShortcutMap }>();
let dialogOpen = 0;

/** "F9", "Ctrl+Enter", "Alt+x" for a key event. */
export function shortcutName(e: KeyboardEvent): string {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return `${e.ctrlKey || e.metaKey ? 'Ctrl+' : ''}${e.altKey ? 'Alt+' : ''}${e.shiftKey && e.key.length > 1 ? 'Shift+' : ''}${key}`;
}

function onKey(e: KeyboardEvent): void {
  if (dialogOpen > 0 || e.defaultPrevented) return;
  // Alt+letter: the key is what the letter key means on the keyboard (e.code), whatever Alt makes of it.
  const name = e.altKey && /^Key[A-Z]$/.test(e.code) ? `${e.ctrlKey ? 'Ctrl+' : ''}Alt+${e.code.slice(3).toLowerCase()}` : shortcutName(e);
  for (const layer of layers) {
    const action = layer.current[name];
    if (action) {
      e.preventDefault();
      action();
      return;
    }
  }
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKey);
}

/** Register shortcuts while the component is mounted (the latest handlers are always used). */
export function useShortcuts(map: ShortcutMap): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    install();
    layers.add(ref);
    return () => {
      layers.delete(ref);
    };
  }, []);
}

/** While a dialog is open, page shortcuts are off. */
export function useDialogOpen(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    dialogOpen++;
    return () => {
      dialogOpen--;
    };
  }, [open]);
}

/** Enter moves to the next field of its group (`data-nav-scope`); at the last one `onLast` runs. Never submits. */
export function enterToNext(e: ReactKeyboardEvent<HTMLElement>, onLast?: () => void): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey) return;
  e.preventDefault();
  const scope = e.currentTarget.closest('[data-nav-scope]');
  if (!scope) return;
  const items = Array.from(scope.querySelectorAll<HTMLElement>('[data-nav]')).filter((el) => !(el as HTMLInputElement).disabled);
  const next = items[items.indexOf(e.currentTarget) + 1];
  if (next) next.focus();
  else onLast?.();
}
