/** A modal dialog: focus on its first field, Escape cancels, page shortcuts paused while it is open. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTexts } from '../i18n/language-store.js';
import { useDialogOpen } from './shortcuts.js';

export function Dialog({
  title,
  children,
  onClose,
  onConfirm,
  confirmLabel,
  confirmDisabled = false,
  testId,
}: {
  title: string;
  children?: ReactNode;
  onClose: () => void;
  onConfirm?: () => void;
  confirmLabel?: string;
  confirmDisabled?: boolean;
  testId?: string;
}) {
  const t = useTexts();
  const ref = useRef<HTMLDivElement>(null);
  useDialogOpen(true);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, textarea, select, button.primary');
    first?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        ref={ref}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h2>{title}</h2>
        {children}
        <div className="actions">
          {onConfirm ? (
            <button type="button" className="primary" disabled={confirmDisabled} onClick={onConfirm}>
              {confirmLabel ?? t.confirm}
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={onClose}>
            {onConfirm ? t.cancel : t.close}
          </button>
        </div>
      </div>
    </div>
  );
}
