/**
 * What is wrong with the hub, in words a shop's IT person (and the tray icon) can act on. Pure: the inputs are
 * gathered by the caller (GET /health, the tray). Severity `error` = receipts cannot print somewhere; `attention` =
 * something needs a person but printing goes on.
 */
import type { DeviceStatus } from '../domain/device-config.js';

export type Severity = 'error' | 'attention';

export interface Problem {
  code:
    | 'DEVICE_ERROR'
    | 'DEVICE_DISCONNECTED'
    | 'DEVICE_CONNECTING'
    | 'NO_FISCAL_DEVICE'
    | 'JOBS_IN_DOUBT'
    | 'INBOX_PAUSED'
    | 'INBOX_FAILED_FILES'
    | 'RETENTION_FAILED'
    | 'DISK_LOW';
  severity: Severity;
  /** Romanian and English, saying what to do. */
  text: { ro: string; en: string };
  device_id?: string;
  count?: number;
}

export interface HealthDevice {
  id: string;
  name: string;
  kind: 'fiscal' | 'pos';
  enabled: boolean;
  status: DeviceStatus;
  last_error?: string | null;
}

export interface HealthInput {
  devices: HealthDevice[];
  jobsInDoubt: number;
  inbox: { paused: boolean; failed: number };
  retentionError?: string | null;
  /** Free bytes on the data directory's file system, when known. */
  diskFreeBytes?: number | null;
}

export interface Health {
  ok: boolean;
  /** The worst severity present, or null when nothing is wrong. */
  worst: Severity | null;
  problems: Problem[];
}

/** Below this much free space the journal may stop accepting receipts. */
export const DISK_LOW_BYTES = 200 * 1024 * 1024;

const why = (d: HealthDevice) => (d.last_error ? ` (${d.last_error})` : '');

function deviceProblem(d: HealthDevice): Problem | null {
  const what = d.kind === 'fiscal' ? { ro: 'Casa de marcat', en: 'Fiscal register' } : { ro: 'Terminalul de card', en: 'Card terminal' };
  switch (d.status) {
    case 'Error':
      return {
        code: 'DEVICE_ERROR',
        severity: 'error',
        device_id: d.id,
        text: {
          ro: `${what.ro} „${d.name}” raportează o eroare${why(d)}. Verificați hârtia, capacul și afișajul aparatului.`,
          en: `${what.en} "${d.name}" reports an error${why(d)}. Check its paper, cover and display.`,
        },
      };
    case 'Disconnected':
      return {
        code: 'DEVICE_DISCONNECTED',
        severity: 'error',
        device_id: d.id,
        text: {
          ro: `${what.ro} „${d.name}” nu răspunde${why(d)}. Verificați că este pornită și cablul sau rețeaua.`,
          en: `${what.en} "${d.name}" does not answer${why(d)}. Check that it is on, and its cable or network.`,
        },
      };
    case 'Connecting':
      return {
        code: 'DEVICE_CONNECTING',
        severity: 'attention',
        device_id: d.id,
        text: { ro: `${what.ro} „${d.name}” se conectează…`, en: `${what.en} "${d.name}" is connecting…` },
      };
    default:
      return null;
  }
}

export function assessHealth(i: HealthInput): Health {
  const problems: Problem[] = [];
  for (const d of i.devices) {
    if (!d.enabled) continue;
    const p = deviceProblem(d);
    if (p) problems.push(p);
  }
  if (!i.devices.some((d) => d.kind === 'fiscal' && d.enabled)) {
    problems.push({
      code: 'NO_FISCAL_DEVICE',
      severity: 'attention',
      text: { ro: 'Nicio casă de marcat activă: adăugați una în Dispozitive.', en: 'No active fiscal register: add one under Devices.' },
    });
  }
  if (i.jobsInDoubt > 0) {
    problems.push({
      code: 'JOBS_IN_DOUBT',
      severity: 'attention',
      count: i.jobsInDoubt,
      text: {
        ro: `${i.jobsInDoubt} lucrări nesigure așteaptă verificarea cu casa de marcat: porniți casa și lăsați-o conectată.`,
        en: `${i.jobsInDoubt} job(s) in doubt wait to be checked with the register: switch it on and keep it connected.`,
      },
    });
  }
  if (i.inbox.paused) {
    problems.push({
      code: 'INBOX_PAUSED',
      severity: 'attention',
      text: {
        ro: 'Dosarul de scanare este în pauză: fișierele INP noi nu se tipăresc până la reluare.',
        en: 'The scan folder is paused: new INP files do not print until it is resumed.',
      },
    });
  }
  if (i.inbox.failed > 0) {
    problems.push({
      code: 'INBOX_FAILED_FILES',
      severity: 'attention',
      count: i.inbox.failed,
      text: {
        ro: `${i.inbox.failed} fișiere INP eșuate așteaptă o decizie (reîncercați sau renunțați în Dosar de scanare).`,
        en: `${i.inbox.failed} failed INP file(s) wait for a decision (retry or discard them under Scan folder).`,
      },
    });
  }
  if (i.retentionError) {
    problems.push({
      code: 'RETENTION_FAILED',
      severity: 'attention',
      text: {
        ro: `Curățarea jurnalului a eșuat: ${i.retentionError}. Jurnalul crește până se rezolvă; trimiteți pachetul de suport.`,
        en: `Journal clean-up failed: ${i.retentionError}. The journal grows until this is fixed; send the support bundle.`,
      },
    });
  }
  if (i.diskFreeBytes !== undefined && i.diskFreeBytes !== null && i.diskFreeBytes < DISK_LOW_BYTES) {
    const mb = Math.floor(i.diskFreeBytes / (1024 * 1024));
    problems.push({
      code: 'DISK_LOW',
      severity: 'error',
      text: {
        ro: `Mai sunt doar ${mb} MB liberi pe discul cu datele FisCool: eliberați spațiu.`,
        en: `Only ${mb} MB free on the disk holding FisCool's data: free some space.`,
      },
    });
  }
  const worst: Severity | null = problems.some((p) => p.severity === 'error') ? 'error' : problems.length > 0 ? 'attention' : null;
  return { ok: problems.length === 0, worst, problems };
}
