/** Add or edit one device: manufacturer and model from the hub's supported list, connection, scan folder. */
import type { FormEvent } from 'react';
import type { SupportedModelBody } from '../../../src-main/shared/api-types.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import { explainFailure } from '../../errors/failure.js';
import { useTexts } from '../../i18n/language-store.js';
import type { Texts } from '../../i18n/texts-ro.js';
import { ConnectionFields } from './connection-fields.js';
import type { ConnType, DeviceDraft } from './device-draft.js';
import { useSettingsStore } from './settings-store.js';

const CONN_LABEL: Record<ConnType, (t: Texts) => string> = { Serial: (t) => t.connSerial, Network: (t) => t.connNetwork, None: (t) => t.connNone };

function modelsOf(s: ReturnType<typeof useSettingsStore.getState>, d: DeviceDraft): SupportedModelBody[] {
  return s.supported?.[d.kind].find((m) => m.manufacturer === d.manufacturer)?.models ?? [];
}

export function DeviceForm({ draft }: { draft: DeviceDraft }) {
  const t = useTexts();
  const s = useSettingsStore();
  const manufacturers = s.supported?.[draft.kind] ?? [];
  const models = modelsOf(s, draft);
  const model = models.find((m) => m.model === draft.model);
  const connTypes = model?.connection_types ?? [draft.connType];
  const pickModel = (m: SupportedModelBody | undefined) =>
    s.patch({
      model: m?.model ?? '',
      connType: m?.connection_types[0] ?? 'None',
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
        <label>
          {t.name}
          <input value={draft.name} maxLength={100} onChange={(e) => s.patch({ name: e.target.value })} />
        </label>
        <label>
          {t.manufacturer}
          <select
            value={draft.manufacturer}
            onChange={(e) => {
              s.patch({ manufacturer: e.target.value });
              pickModel(manufacturers.find((m) => m.manufacturer === e.target.value)?.models[0]);
            }}
          >
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
        <label>
          {t.connection}
          <select value={draft.connType} onChange={(e) => s.patch({ connType: e.target.value as ConnType })}>
            {connTypes.map((c) => (
              <option key={c} value={c}>
                {CONN_LABEL[c](t)}
              </option>
            ))}
          </select>
        </label>
        <ConnectionFields draft={draft} />
        {draft.kind === 'fiscal' ? (
          <label className="span2">
            {t.scanFolder}
            <input value={draft.scanFolder} placeholder={t.scanFolderHint} onChange={(e) => s.patch({ scanFolder: e.target.value })} />
          </label>
        ) : (
          <label>
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
      {s.failure ? <ErrorNotice error={explainFailure(s.failure, t)} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={s.busy}>
          {t.save}
        </button>
        <button type="button" className="secondary" onClick={s.cancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
