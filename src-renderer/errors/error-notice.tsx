/** A problem in words: title, what to do, the field; the technical text only behind "Details". */
import { useState } from 'react';
import { useLang, useTexts } from '../i18n/language-store.js';
import type { Explained } from './explain-error.js';
import { explainFailure, type Failure } from './failure.js';

export function ExplainedNotice({
  error,
  onClose,
  tone = 'error',
  compact = false,
}: {
  error: Explained;
  onClose?: () => void;
  tone?: 'error' | 'warn';
  compact?: boolean;
}) {
  const t = useTexts();
  const [open, setOpen] = useState(false);
  return (
    <div className={`notice notice-${tone}${compact ? ' notice-compact' : ''}`} role="alert" data-testid="error-notice" data-code={error.code}>
      <strong className="notice-title">{error.title}</strong>
      <p>{error.action}</p>
      {error.field ? <p className="notice-field">{t.errField(error.field)}</p> : null}
      {error.fieldHint ? <p>{error.fieldHint}</p> : null}
      <div className="notice-actions">
        {error.detail ? (
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t.hideDetails : t.details}
          </button>
        ) : null}
        {onClose ? (
          <button type="button" className="link" onClick={onClose}>
            {t.close}
          </button>
        ) : null}
      </div>
      {open && error.detail ? <pre className="notice-detail" data-testid="error-detail">{error.detail}</pre> : null}
    </div>
  );
}

export function ErrorNotice({ failure, onClose, compact = false }: { failure: Failure; onClose?: () => void; compact?: boolean }) {
  const t = useTexts();
  const lang = useLang();
  return <ExplainedNotice error={explainFailure(failure, t, lang)} compact={compact} {...(onClose ? { onClose } : {})} />;
}
