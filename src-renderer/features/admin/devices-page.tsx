/** The Devices page: every register and terminal with its status, health and last error; edit, delete, add. */
import { useEffect } from 'react';
import type { DeviceKind, FiscalDeviceBody, PosTerminalBody } from '../../../src-main/shared/api-types.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import { useTexts } from '../../i18n/language-store.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { HealthLine } from '../devices/health-view.js';
import { StatusBadge } from '../devices/status-badge.js';
import { useAdminStore } from './admin-store.js';
import { DeviceForm } from './device-form.js';

type Row = { kind: DeviceKind; d: FiscalDeviceBody | PosTerminalBody };

function connectionText(d: FiscalDeviceBody | PosTerminalBody): string {
  const c = d.config.connection_details;
  if (c.type === 'Serial') return `${c.details.port} · ${c.details.baud_rate}`;
  if (c.type === 'Network') return `${c.details.ip_address}:${c.details.port}`;
  return '';
}

export function DevicesPage() {
  const t = useTexts();
  const s = useAdminStore();
  const fiscal = useDevicesStore((d) => d.fiscal);
  const pos = useDevicesStore((d) => d.pos);
  const loadSupported = s.loadSupported;
  useEffect(() => {
    void loadSupported();
  }, [loadSupported]);
  const rows: Row[] = [...fiscal.map((d) => ({ kind: 'fiscal' as const, d })), ...pos.map((d) => ({ kind: 'pos' as const, d }))];
  const remove = (r: Row) => {
    if (window.confirm(t.deleteConfirm(r.d.config.name))) void s.remove(r.kind, r.d.config.id);
  };
  return (
    <div className={s.draft ? 'settings-page editing' : 'settings-page'}>
      <section className="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">{t.devicesPageTitle}</h2>
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
        {s.failure && !s.draft ? <ErrorNotice failure={s.failure} /> : null}
        <div className="table-scroll">
          <table className="table" data-testid="settings-devices">
            <thead>
              <tr>
                <th>{t.name}</th>
                <th>{t.colStatus}</th>
                <th>{t.colHealth}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.d.config.id} data-device-id={r.d.config.id}>
                  <td>
                    <strong>{r.d.config.name}</strong>
                    <div className="muted small">
                      {r.kind === 'fiscal' ? t.kindFiscal : t.kindPos} · {r.d.config.manufacturer} {r.d.config.model}
                      {connectionText(r.d) ? ` · ${connectionText(r.d)}` : ''}
                    </div>
                    {r.d.last_error ? (
                      <div className="device-error small" data-testid="last-error">
                        {t.lastError}: {r.d.last_error}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <StatusBadge status={r.d.status} />
                  </td>
                  <td>
                    <HealthLine health={r.d.health} />
                  </td>
                  <td className="row-actions">
                    <button type="button" className="secondary" onClick={() => s.startEdit(r.kind, r.d.config)}>
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
        </div>
      </section>
      {s.draft ? <DeviceForm draft={s.draft} /> : null}
    </div>
  );
}
