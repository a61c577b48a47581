/** A red box: what failed, the field, the hub's words, what to do. */
import type { Explained } from './explain-error.js';
import { useTexts } from '../i18n/language-store.js';

export function ErrorNotice({ error, onClose }: { error: Explained; onClose?: () => void }) {
  const t = useTexts();
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice">
      <strong>{error.title}</strong>
      <p>{error.action}</p>
      {error.field ? <p className="notice-field">{t.errField(error.field)}</p> : null}
      {error.detail ? <p className="notice-detail">{error.detail}</p> : null}
      {onClose ? (
        <button type="button" className="link" onClick={onClose}>
          {t.close}
        </button>
      ) : null}
    </div>
  );
}
