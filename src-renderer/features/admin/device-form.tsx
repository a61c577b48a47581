/**
 * Add or edit one device, driven by the hub's catalogue: manufacturer and model, the connections the model takes,
 * its options (from the family's schema), the scan folder (with a picker), the linked card terminal; Test connection
 * before saving.
 */
import { useState, type FormEvent } from 'react';
import type { SupportedModelBody } from '../../../src-main/shared/api-types.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import { catalogue } from '../../errors/explain-error.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { modelOf, useAdminStore } from './admin-store.js';
import { ConnectionFields } from './connection-fields.js';
import type { ConnType, DeviceDraft } from './device-draft.js';
import { FolderPicker } from './folder-picker.js';
import { OptionsFields } from './options-fields.js';

function TestResult() {
  const t = useTexts();
  const lang = useLang();
  const test = useAdminStore((s) => s.test);
  if (!test) return null;
  if (test.status === 0) {
    return (
      <p className="notice notice-ok" data-testid="test-result" data-ok="true">
        {t.testOk(test.model, test.serial)}
      </p>
    );
  }
  const c = catalogue(test.code, lang);
  return (
    <div className="notice notice-error" data-testid="test-result" data-ok="false">
      <strong>{c.title}</strong>
      <p>{c.action}</p>
      <pre className="notice-detail">{test.error}</pre>
    </div>
  );
}

export function DeviceForm({ draft }: { draft: DeviceDraft }) {
  const t = useTexts();
  const s = useAdminStore();
  const pos = useDevicesStore((d) => d.pos);
  const [picking, setPicking] = useState(false);
  const manufacturers = s.supported?.[draft.kind] ?? [];
  const models = manufacturers.find((m) => m.manufacturer === draft.manufacturer)?.models ?? [];
  const model = modelOf(s, draft);
  const connTypes = model?.connection_types ?? [draft.connType];
  const pickModel = (m: SupportedModelBody | undefined, manufacturer = draft.manufacturer) =>
    s.patch({
      manufacturer,
      model: m?.model ?? '',
      connType: m?.connection_types.includes(draft.connType) ? draft.connType : (m?.connection_types[0] ?? 'None'),
      ...(m?.default_baud_rate ? { baudRate: String(m.default_baud_rate) } : {}),
      ...(m?.default_tcp_port ? { tcpPort: String(m.default_tcp_port) } : {}),
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.save();
  };
  const title = draft.base.id ? t.editTitle(draft.base.name ?? '') : draft.kind === 'fiscal' ? t.newFiscalTitle : t.newPosTitle;
  return (
    <form className="panel device-form" onSubmit={submit} data-testid="device-form">
      <h2>{title}</h2>
      <div className="form-grid">
        <label className="span2">
          {t.name}
          <input value={draft.name} maxLength={100} onChange={(e) => s.patch({ name: e.target.value })} />
        </label>
        <label>
          {t.manufacturer}
          <select value={draft.manufacturer} onChange={(e) => pickModel(manufacturers.find((m) => m.manufacturer === e.target.value)?.models[0], e.target.value)}>
            {manufacturers.map((m) => (
              <option key={m.manufacturer}>{m.manufacturer}</option>
            ))}
          </select>
        </label>
        <label>
          {t.model}
          <select value={draft.model} onChange={(e) => pickModel(models.find((m) => m.model === e.target.value))}>
            {models.map((m) => (
              <option key={m.model}>{m.model}</option>
            ))}
          </select>
        </label>
        <label className="span2">
          {t.connection}
          <select value={draft.connType} onChange={(e) => s.patch({ connType: e.target.value as ConnType })}>
            {connTypes.map((c) => (
              <option key={c} value={c}>
                {t.conn[c] ?? c}
              </option>
            ))}
          </select>
        </label>
        <ConnectionFields draft={draft} />
        <OptionsFields draft={draft} schema={model?.options ?? null} />
        {draft.kind === 'fiscal' ? (
          <>
            <div className="span2 with-button">
              <label>
                {t.scanFolder}
                <input value={draft.scanFolder} placeholder={t.scanFolderHint} onChange={(e) => s.patch({ scanFolder: e.target.value })} />
              </label>
              <button type="button" className="secondary" onClick={() => setPicking(true)}>
                {t.browse}
              </button>
            </div>
            <label>
              {t.linkedPos}
              <select value={draft.linkedPos} onChange={(e) => s.patch({ linkedPos: e.target.value, autoCard: e.target.value ? draft.autoCard || true : false })}>
                <option value="">{t.noLinkedPos}</option>
                {pos.map((p) => (
                  <option key={p.config.id} value={p.config.id}>
                    {p.config.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={draft.autoCard} disabled={!draft.linkedPos} onChange={(e) => s.patch({ autoCard: e.target.checked })} />
              {t.autoCard}
            </label>
          </>
        ) : (
          <label className="span2">
            {t.bank}
            <input value={draft.bank} onChange={(e) => s.patch({ bank: e.target.value })} />
          </label>
        )}
        <label className="span2">
          {t.notes}
          <input value={draft.notes} maxLength={1000} onChange={(e) => s.patch({ notes: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => s.patch({ enabled: e.target.checked })} />
          {t.enabled}
        </label>
      </div>
      <TestResult />
      {s.failure ? <ErrorNotice failure={s.failure} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={s.busy}>
          {t.save}
        </button>
        {draft.kind === 'fiscal' ? (
          <button type="button" className="secondary" disabled={s.testing} onClick={() => void s.testConnection()}>
            {s.testing ? t.testing : t.testConnection}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={s.cancel}>
          {t.cancel}
        </button>
      </div>
      {picking ? (
        <FolderPicker
          start={draft.scanFolder}
          onClose={() => setPicking(false)}
          onPick={(path) => {
            s.patch({ scanFolder: path });
            setPicking(false);
          }}
        />
      ) : null}
    </form>
  );
}
