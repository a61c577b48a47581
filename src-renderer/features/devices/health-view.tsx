/**
 * Device health in colour and words: a dot per device (green ok, amber warning, red error, grey offline or hub
 * unreachable), and the notice above the receipt that says what to do before printing.
 */
import type { DeviceHealth } from '../../../src-main/shared/api-types.js';
import { catalogue } from '../../errors/explain-error.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import { useConnectionStore } from '../connection/connection-store.js';

export function HealthDot({ health }: { health: DeviceHealth }) {
  const t = useTexts();
  const lang = useLang();
  const online = useConnectionStore((s) => s.online);
  const level = online ? health.level : 'unknown';
  const first = health.problems[0];
  const title = !online ? t.statusUnknown : first ? catalogue(first.code, lang).title : t.healthOk;
  return <span className={`health-dot health-${level}`} data-health={level} title={title} aria-label={title} role="img" />;
}

/** The first problem in one line (device lists). */
export function HealthLine({ health }: { health: DeviceHealth }) {
  const lang = useLang();
  const t = useTexts();
  const online = useConnectionStore((s) => s.online);
  if (!online) return <span className="health-line health-unknown">{t.statusUnknown}</span>;
  const first = health.problems[0];
  if (!first) return <span className="health-line health-ok">{t.healthOk}</span>;
  return (
    <span className={`health-line health-${first.severity}`} data-testid="health-line" data-code={first.code}>
      {catalogue(first.code, lang).title}
      {health.problems.length > 1 ? ` +${health.problems.length - 1}` : ''}
    </span>
  );
}

/** Every problem with what to do: shown where the cashier prints. */
export function HealthNotice({ health }: { health: DeviceHealth }) {
  const lang = useLang();
  const online = useConnectionStore((s) => s.online);
  if (!online || health.problems.length === 0) return null;
  return (
    <div className="health-notice" data-testid="health-notice">
      {health.problems.map((p) => {
        const c = catalogue(p.code, lang);
        return (
          <div key={p.code} className={`health-item health-${p.severity}`} data-code={p.code} role={p.severity === 'warning' ? 'status' : 'alert'}>
            <span className={`health-dot health-${p.severity}`} aria-hidden="true" />
            <strong>{c.title}.</strong> <span>{c.action}</span>
          </div>
        );
      })}
    </div>
  );
}
