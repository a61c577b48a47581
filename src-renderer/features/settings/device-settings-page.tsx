/** The Devices page: every configured register and terminal with edit/delete, and the add/edit form. */
import { useEffect } from 'react';
import type { DeviceKind, FiscalDeviceConfig, PosTerminalConfig } from '../../../src-main/shared/api-types.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import { explainFailure } from '../../errors/failure.js';
import { useTexts } from '../../i18n/language-store.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { StatusBadge } from '../devices/status-badge.js';
import { DeviceForm } from './device-form.js';
import { useSettingsStore } from './settings-store.js';

interface Row {
  kind: DeviceKind;
  config: FiscalDeviceConfig | PosTerminalConfig;
  status: Parameters<typeof StatusBadge>[0]['status'];
}

export function DeviceSettingsPage() {
  const t = useTexts();
  const s = useSettingsStore();
  const fiscal = useDevicesStore((d) => d.fiscal);
  const pos = useDevicesStore((d) => d.pos);
  const loadSupported = s.loadSupported;
  useEffect(() => {
    void loadSupported();
  }, [loadSupported]);
  const rows: Row[] = [
    ...fiscal.map((d) => ({ kind: 'fiscal' as const, config: d.config, status: d.status })),
    ...pos.map((d) => ({ kind: 'pos' as const, config: d.config, status: d.status })),
  ];
  const remove = (r: Row) => {
    if (window.confirm(t.deleteConfirm(r.config.name))) void s.remove(r.kind, r.config.id);
  };
  return (
    <div className="settings-page">
      <section className="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">{t.settingsTitle}</h2>
        <div className="actions">
          <button type="button" className="primary" onClick={() => s.startNew('fiscal')} disabled={!s.supported}>
            + {t.addFiscal}
          </button>
          <button type="button" className="secondary" onClick={() => s.startNew('pos')} disabled={!s.supported}>
            + {t.addPos}
          </button>
        </div>
        {s.notice ? (
          <p className="notice notice-ok" role="status">
            {s.notice === 'saved' ? t.saved : t.deleted}
          </p>
        ) : null}
        {s.warnings.map((w) => (
          <p key={w} className="notice notice-warn" role="status" data-testid="save-warning">
            {w}
          </p>
        ))}
        {s.failure && !s.draft ? <ErrorNotice error={explainFailure(s.failure, t)} /> : null}
        <table className="table" data-testid="settings-devices">
          <tbody>
            {rows.map((r) => (
              <tr key={r.config.id} data-device-id={r.config.id}>
                <td>
                  <strong>{r.config.name}</strong>
                  <div className="muted small">
                    {r.kind === 'fiscal' ? t.kindFiscal : t.kindPos} · {r.config.manufacturer} {r.config.model}
                  </div>
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => s.startEdit(r.kind, r.config)}>
                    {t.edit}
                  </button>
                  <button type="button" className="danger" onClick={() => remove(r)} disabled={s.busy}>
                    {t.delete}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {s.draft ? <DeviceForm draft={s.draft} /> : null}
    </div>
  );
}
