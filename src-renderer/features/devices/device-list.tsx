/** The registers to choose from (status, health, serial, VAT rates of the chosen one) and the card terminals. */
import { useLang, useTexts } from '../../i18n/language-store.js';
import { formatRate } from '../../lib/number-entry.js';
import { useConnectionStore } from '../connection/connection-store.js';
import { useDevicesStore } from './devices-store.js';
import { HealthDot, HealthLine } from './health-view.js';
import { StatusBadge } from './status-badge.js';

function VatRates({ rates }: { rates: Record<string, number> }) {
  const t = useTexts();
  const lang = useLang();
  const groups = Object.entries(rates).sort(([a], [b]) => a.localeCompare(b));
  if (groups.length === 0) return null;
  return (
    <div className="vat-rates" data-testid="vat-rates" title={t.vatRates}>
      {groups.map(([g, bp]) => (
        <span key={g} className="vat-chip">
          {g} {formatRate(bp, lang)}
        </span>
      ))}
    </div>
  );
}

export function DeviceList() {
  const t = useTexts();
  const { fiscal, pos, selectedId, select, loaded } = useDevicesStore();
  const online = useConnectionStore((s) => s.online);
  return (
    <section className={online ? 'panel devices-panel' : 'panel devices-panel offline'} aria-labelledby="devices-title">
      <h2 id="devices-title">{t.devicesTitle}</h2>
      {!loaded ? <p className="muted">{t.loading}</p> : null}
      {loaded && fiscal.length === 0 ? <p className="muted">{t.noDevices}</p> : null}
      <ul className="device-list" data-testid="fiscal-devices">
        {fiscal.map((d) => {
          const chosen = d.config.id === selectedId;
          return (
            <li key={d.config.id} className={chosen ? 'device selected' : 'device'} data-device-id={d.config.id}>
              <button type="button" className="device-pick" onClick={() => select(d.config.id)} aria-pressed={chosen}>
                <HealthDot health={d.health} />
                <span className="device-name">{d.config.name}</span>
              </button>
              <div className="device-state">
                <StatusBadge status={d.status} />
                <HealthLine health={d.health} />
              </div>
              {d.last_error && online ? <div className="device-error" title={d.last_error}>{d.last_error}</div> : null}
              {chosen ? (
                <div className="device-meta muted">
                  {d.config.model}
                  {d.connected_device_id ? ` · ${t.serial} ${d.connected_device_id}` : ''}
                </div>
              ) : null}
              {chosen ? <VatRates rates={d.vat_rates} /> : null}
            </li>
          );
        })}
      </ul>
      {pos.length > 0 ? (
        <>
          <h3>{t.posTitle}</h3>
          <ul className="device-list" data-testid="pos-devices">
            {pos.map((d) => (
              <li key={d.config.id} className="device compact" data-device-id={d.config.id}>
                <div className="device-pick static">
                  <HealthDot health={d.health} />
                  <span className="device-name">{d.config.name}</span>
                </div>
                <div className="device-state">
                  <StatusBadge status={d.status} />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
