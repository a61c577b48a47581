/** The link status word in the GUI's language; grey while the hub itself does not answer. */
import type { DeviceStatus } from '../../../src-main/shared/api-types.js';
import { useTexts } from '../../i18n/language-store.js';
import { useConnectionStore } from '../connection/connection-store.js';

export function StatusBadge({ status }: { status: DeviceStatus }) {
  const t = useTexts();
  const online = useConnectionStore((s) => s.online);
  if (!online) {
    return (
      <span className="badge badge-unknown" data-status="unknown" title={t.statusUnknown}>
        ?
      </span>
    );
  }
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-status={status}>
      {t.status[status] ?? status}
    </span>
  );
}
