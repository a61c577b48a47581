/** Settings: the native API (address, port, token, allowed names), the compatible listeners, the inbox, retention, support. */
import { useEffect, type FormEvent, type ReactNode } from 'react';
import { ErrorNotice } from '../../errors/error-notice.js';
import { useTexts } from '../../i18n/language-store.js';
import type { SettingsDraft } from './settings-draft.js';
import { useSettingsStore } from './settings-store.js';
import { apiGetBlob } from '../../lib/api-client.js';
import { downloadBlob, localDate } from '../../lib/download.js';

/** GET /support/bundle (logs, settings without secrets, journal summary) saved as a file. */
async function downloadSupportBundle(): Promise<void> {
  downloadBlob(`fiscool-support-${localDate()}.tar.gz`, await apiGetBlob('/support/bundle'));
}

type TextKey = { [K in keyof SettingsDraft]: SettingsDraft[K] extends string ? K : never }[keyof SettingsDraft];
type FlagKey = { [K in keyof SettingsDraft]: SettingsDraft[K] extends boolean ? K : never }[keyof SettingsDraft];

function Text({ k, label, num = false, area = false, className }: { k: TextKey; label: string; num?: boolean; area?: boolean; className?: string }) {
  const { draft, patch } = useSettingsStore();
  if (!draft) return null;
  return (
    <label className={className}>
      {label}
      {area ? (
        <textarea rows={2} value={draft[k]} onChange={(e) => patch({ [k]: e.target.value })} />
      ) : (
        <input className={num ? 'num' : ''} inputMode={num ? 'numeric' : 'text'} value={draft[k]} onChange={(e) => patch({ [k]: e.target.value })} />
      )}
    </label>
  );
}

function Flag({ k, label }: { k: FlagKey; label: string }) {
  const { draft, patch } = useSettingsStore();
  if (!draft) return null;
  return (
    <label className="check">
      <input type="checkbox" checked={draft[k]} onChange={(e) => patch({ [k]: e.target.checked })} />
      {label}
    </label>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="settings-section">
      <legend>{title}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

export function SettingsPage() {
  const t = useTexts();
  const s = useSettingsStore();
  const load = s.load;
  useEffect(() => {
    void load();
  }, [load]);
  const d = s.draft;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.save();
  };
  return (
    <form className="panel settings-form" onSubmit={submit} data-testid="settings-form" aria-labelledby="settings-page-title">
      <h2 id="settings-page-title">{t.settingsTitle}</h2>
      {!d ? <p className="muted">{t.loading}</p> : null}
      {d ? (
        <div className="settings-columns">
          <Section title={t.apiSection}>
            <Text k="apiHost" label={t.apiHost} />
            <Text k="apiPort" label={t.apiPort} num />
            <div className="span2 token-box">
              <span className="muted small">{s.settings?.api.token ? t.tokenIsSet : t.tokenNotSet}</span>
              <Text k="tokenNew" label={t.tokenNew} />
              {s.settings?.api.token ? <Flag k="tokenClear" label={t.tokenClear} /> : null}
            </div>
            <Text k="allowedHosts" label={t.allowedHosts} area className="span2" />
            <Text k="allowedOrigins" label={t.allowedOrigins} area className="span2" />
            <label className="span2">
              {t.hubLanguage}
              <select value={d.language} onChange={(e) => s.patch({ language: e.target.value })}>
                <option value="ro">Română</option>
                <option value="en">English</option>
              </select>
            </label>
            <p className="muted small span2">{t.restartNote}</p>
          </Section>
          <Section title={t.compatSection}>
            <Flag k="erpnetEnabled" label={`ErpNet.FP — ${t.listenerEnabled}`} />
            <span />
            <Text k="erpnetHost" label={`ErpNet.FP ${t.listenerHost}`} />
            <Text k="erpnetPort" label={`ErpNet.FP ${t.listenerPort}`} num />
            <Flag k="ucsEnabled" label={`UcsFPHub — ${t.listenerEnabled}`} />
            <span />
            <Text k="ucsHost" label={`UcsFPHub ${t.listenerHost}`} />
            <Text k="ucsPort" label={`UcsFPHub ${t.listenerPort}`} num />
          </Section>
          <Section title={t.inboxSection}>
            <Text k="extensions" label={t.extensions} className="span2" />
            <Text k="settleMs" label={t.settleMs} num />
            <Text k="rescanMs" label={t.rescanMs} num />
            <Flag k="waitForDevice" label={t.waitForDevice} />
            <Text k="waitTimeout" label={t.waitTimeout} num />
            <label className="span2">
              {t.duplicatePolicy}
              <select value={d.duplicatePolicy} onChange={(e) => s.patch({ duplicatePolicy: e.target.value })}>
                <option value="skip">{t.dup.skip}</option>
                <option value="print_again">{t.dup.print_again}</option>
              </select>
            </label>
          </Section>
          <Section title={t.retentionSection}>
            <Text k="retentionDays" label={t.retentionDays} num />
          </Section>
          <Section title={t.supportSection}>
            <p className="span2 hint">{t.supportBundleHint}</p>
            <button type="button" className="secondary" data-testid="support-bundle" onClick={() => void downloadSupportBundle()}>
              {t.supportBundle}
            </button>
          </Section>
        </div>
      ) : null}
      {s.failure ? <ErrorNotice failure={s.failure} /> : null}
      {s.saved ? (
        <p className="notice notice-ok" role="status" data-testid="settings-saved">
          {t.settingsSaved}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={!d || s.busy}>
          {t.save}
        </button>
        <button type="button" className="secondary" onClick={() => void s.load()}>
          {t.refresh}
        </button>
      </div>
    </form>
  );
}
