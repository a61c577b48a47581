/** Serial port + baud rate, or IP address + TCP port, depending on the connection type chosen. */
import { useTexts } from '../../i18n/language-store.js';
import type { DeviceDraft } from './device-draft.js';
import { useSettingsStore } from './settings-store.js';

export function ConnectionFields({ draft }: { draft: DeviceDraft }) {
  const t = useTexts();
  const patch = useSettingsStore((s) => s.patch);
  if (draft.connType === 'Serial') {
    return (
      <>
        <label>
          {t.port}
          <input value={draft.serialPort} placeholder="COM3 / /dev/ttyUSB0" onChange={(e) => patch({ serialPort: e.target.value })} />
        </label>
        <label>
          {t.baudRate}
          <input className="num" value={draft.baudRate} onChange={(e) => patch({ baudRate: e.target.value })} />
        </label>
      </>
    );
  }
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
      </>
    );
  }
  return null;
}
