/**
 * Serial: the machine's ports (or a name typed by hand), the speed, and "Detect" that probes ports for a Datecs
 * register and fills the form. Network: IP address and TCP port; for a Caspos, "Find on the network" probes the
 * addresses or subnet typed (the hub accepts only the shop's own network) and fills them in.
 */
import { useEffect, useState } from 'react';
import { useTexts } from '../../i18n/language-store.js';
import type { DeviceDraft } from './device-draft.js';
import { useAdminStore } from './admin-store.js';

const BAUDS = ['9600', '19200', '38400', '57600', '115200'];
const OTHER = '\u0000other';

function SerialFields({ draft }: { draft: DeviceDraft }) {
  const t = useTexts();
  const { ports, loadPorts, patch, detect, detecting, detected } = useAdminStore();
  const [extra, setExtra] = useState('');
  useEffect(() => {
    if (ports === null) void loadPorts();
  }, [ports, loadPorts]);
  const known = ports?.map((p) => p.path) ?? [];
  const typed = draft.serialPort !== '' && !known.includes(draft.serialPort);
  const [other, setOther] = useState(typed);
  return (
    <>
      <label>
        {t.port}
        <select value={other ? OTHER : draft.serialPort} onChange={(e) => (e.target.value === OTHER ? setOther(true) : (setOther(false), patch({ serialPort: e.target.value })))}>
          <option value="">{t.none}</option>
          {ports?.map((p) => (
            <option key={p.path} value={p.path}>
              {p.path}
              {p.manufacturer ? ` — ${p.manufacturer}` : ''}
            </option>
          ))}
          <option value={OTHER}>{t.portOther}</option>
        </select>
      </label>
      <label>
        {t.baudRate}
        <select value={draft.baudRate} onChange={(e) => patch({ baudRate: e.target.value })}>
          {(BAUDS.includes(draft.baudRate) ? BAUDS : [...BAUDS, draft.baudRate]).map((b) => (
            <option key={b}>{b}</option>
          ))}
        </select>
      </label>
      {other ? (
        <label className="span2">
          {t.portTyped}
          <input value={draft.serialPort} placeholder="COM3 / /dev/ttyUSB0" onChange={(e) => patch({ serialPort: e.target.value })} />
        </label>
      ) : null}
      {ports?.length === 0 ? <p className="muted small span2">{t.noPorts}</p> : null}
      <div className="span2 detect-box" data-testid="detect-box">
        <label>
          {t.detectPorts}
          <input value={extra} placeholder={known.join(', ')} onChange={(e) => setExtra(e.target.value)} />
        </label>
        <div className="actions">
          <button type="button" className="secondary" disabled={detecting} onClick={() => void detect(extra.split(',').map((s) => s.trim()).filter(Boolean))}>
            {detecting ? t.detecting : t.detect}
          </button>
          <button type="button" className="link small" onClick={() => void loadPorts()}>
            {t.refreshPorts}
          </button>
        </div>
        {detected?.length === 0 ? <p className="muted">{t.detectNone}</p> : null}
        {detected?.map((d) => (
          <div key={d.port} className="detected" data-testid="detected-device">
            <span>{t.detectFound(d.model, d.serial, d.port, d.baud_rate, d.protocol === 'x' ? 'X' : t.optionValues.classic ?? d.protocol)}</span>
            <button
              type="button"
              className="primary small"
              onClick={() => {
                setOther(!known.includes(d.port));
                patch({ serialPort: d.port, baudRate: String(d.baud_rate), options: { ...draft.options, protocol: d.protocol }, ...(draft.name ? {} : { name: `${d.model} ${d.serial}` }) });
              }}
            >
              {t.useDetected}
            </button>
          </div>
        ))}
      </div>
    </>
  );
}

function NetworkDetect({ draft }: { draft: DeviceDraft }) {
  const t = useTexts();
  const { patch, detectNetwork, detecting, networkDetected } = useAdminStore();
  const [hosts, setHosts] = useState('');
  const asked = hosts.split(',').map((s) => s.trim()).filter(Boolean);
  return (
    <div className="span2 detect-box" data-testid="network-detect-box">
      <label>
        {t.networkHosts}
        <input value={hosts} placeholder="192.168.1.0/24" onChange={(e) => setHosts(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" className="secondary" disabled={detecting || asked.length === 0} onClick={() => void detectNetwork(asked)}>
          {detecting ? t.detecting : t.findOnNetwork}
        </button>
      </div>
      {networkDetected?.length === 0 ? <p className="muted">{t.networkNone}</p> : null}
      {networkDetected?.map((d) => (
        <div key={`${d.ip_address}:${d.port}`} className="detected" data-testid="network-detected-device">
          <span>{t.networkFound(d.model, d.ip_address, d.port)}</span>
          <button
            type="button"
            className="primary small"
            onClick={() => patch({ ipAddress: d.ip_address, tcpPort: String(d.port), ...(draft.name ? {} : { name: `${d.model} ${d.ip_address}` }) })}
          >
            {t.useDetected}
          </button>
        </div>
      ))}
    </div>
  );
}

export function ConnectionFields({ draft }: { draft: DeviceDraft }) {
  const t = useTexts();
  const patch = useAdminStore((s) => s.patch);
  if (draft.connType === 'Serial') return <SerialFields draft={draft} />;
  if (draft.connType === 'Network') {
    return (
      <>
        <label>
          {t.ipAddress}
          <input value={draft.ipAddress} placeholder="192.168.1.50" onChange={(e) => patch({ ipAddress: e.target.value })} />
        </label>
        <label>
          {t.tcpPort}
          <input className="num" value={draft.tcpPort} onChange={(e) => patch({ tcpPort: e.target.value })} />
        </label>
        {draft.kind === 'fiscal' && draft.manufacturer === 'Caspos' ? <NetworkDetect draft={draft} /> : null}
      </>
    );
  }
  return null;
}
