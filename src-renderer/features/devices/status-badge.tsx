/** A coloured dot plus the status word in the GUI's language. */
import type { DeviceStatus } from '../../../src-main/shared/api-types.js';
import { useLanguageStore } from '../../i18n/language-store.js';

const WORDS: Record<DeviceStatus, { ro: string; en: string }> = {
  Connected: { ro: 'Conectat', en: 'Connected' },
  Connecting: { ro: 'Se conectează', en: 'Connecting' },
  Disconnected: { ro: 'Deconectat', en: 'Disconnected' },
  Busy: { ro: 'Ocupat', en: 'Busy' },
  Error: { ro: 'Eroare', en: 'Error' },
  Disabled: { ro: 'Dezactivat', en: 'Disabled' },
};

export function StatusBadge({ status }: { status: DeviceStatus }) {
  const lang = useLanguageStore((s) => s.lang);
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-status={status}>
      {WORDS[status]?.[lang] ?? status}
    </span>
  );
}
