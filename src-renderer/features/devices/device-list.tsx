/** Fiscal registers (selectable, with status and VAT rates) and card terminals, live. */
import { useTexts } from '../../i18n/language-store.js';
import { useDevicesStore } from './devices-store.js';
import { StatusBadge } from './status-badge.js';
import { VatRates } from './vat-rates.js';

export function DeviceList() {
  const t = useTexts();
  const { fiscal, pos, selectedId, select, loaded } = useDevicesStore();
  return (
    <section className="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t.devicesTitle}</h2>
      {!loaded ? <p className="muted">{t.loading}</p> : null}
      {loaded && fiscal.length === 0 ? <p className="muted">{t.noDevices}</p> : null}
      <ul className="device-list" data-testid="fiscal-devices">
        {fiscal.map((d) => (
          <li key={d.config.id} className={d.config.id === selectedId ? 'device selected' : 'device'} data-device-id={d.config.id}>
            <button type="button" className="device-pick" onClick={() => select(d.config.id)} aria-pressed={d.config.id === selectedId}>
              <span className="device-name">{d.config.name}</span>
              <StatusBadge status={d.status} />
            </button>
            <div className="device-meta muted">
              {d.config.manufacturer} {d.config.model}
              {d.connected_device_id ? ` · ${t.serial} ${d.connected_device_id}` : ''}
            </div>
            {d.last_error ? <div className="device-error">{d.last_error}</div> : null}
            <VatRates rates={d.vat_rates} />
          </li>
        ))}
      </ul>
      {pos.length > 0 ? (
        <>
          <h3>{t.posTitle}</h3>
          <ul className="device-list" data-testid="pos-devices">
            {pos.map((d) => (
              <li key={d.config.id} className="device" data-device-id={d.config.id}>
                <div className="device-pick static">
                  <span className="device-name">{d.config.name}</span>
                  <StatusBadge status={d.status} />
                </div>
                {d.last_error ? <div className="device-error">{d.last_error}</div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
