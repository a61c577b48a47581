/**
 * One chaos run: a Datecs emulator process, the headless hub as a child process (SIGKILLed and restarted by the
 * monkey), POS clients on the four doors concurrently, wire faults and power cuts, a cashier. When the time is up
 * the faults stop, the hub is brought back, every request still without a definitive answer is asked again under
 * its key (INP files are waited for), and the verdict is counted from the register's journal.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalDocument, RegisterStatus } from '../../src-main/emulators/virtual-register/register-api.js';
import { freePort } from '../helpers/hub-process.js';
import { TerminalWatch, type CardMoment } from '../helpers/terminal-watch.js';
import { DEFAULT_CARD, type CardOptions } from './card-plan.js';
import { cardFigures, cardVerdictOf, json, linkTerminal, settledPendingVoids, type PendingVoidEntry } from './card-run.js';
import { attempt, dropInp, inpState, makeRequest, type ChaosRequest, type Door, type DoorTarget } from './doors.js';
import { CARD_FAULT_FAMILIES, DRIVER_ATTEMPTS, FAULT_FAMILIES, newMonkeyStats, runCashier, runMonkey, type FaultFamily, type MonkeyStats } from './monkey.js';
import { Prng } from './prng.js';
import { spawnHub, startEmulator, type HubLife, type HubPorts } from './processes.js';
import { countVerdict, failed, type Verdict } from './verdict.js';

export interface ChaosOptions {
  seed: number;
  seconds: number;
  framing?: 'x' | 'classic';
  transport?: 'tcp' | 'pty';
  faults?: readonly FaultFamily[];
  /** Emulator timing (default: realistic print time for half the seeds). */
  timing?: 'zero' | 'realistic';
  /** Mean time between two faults, ms (default 1500). */
  faultGapMs?: number;
  /** How long requests may take to get a definitive answer after the faults stop (default 90 s). */
  resolveSeconds?: number;
  keep?: boolean;
  /** Emulate firmware that allows cancelling a paid receipt (default: refused, as the FP manual says). */
  lenientCancel?: boolean;
  /** Card payments on the hub's simulated terminal, linked to the register (default on: DEFAULT_CARD); null = none. */
  card?: CardOptions | null;
  log?: (line: string) => void;
}

export interface ChaosResult {
  seed: number;
  framing: 'x' | 'classic';
  transport: 'tcp' | 'pty';
  timing: 'zero' | 'realistic';
  verdict: Verdict;
  monkey: MonkeyStats;
  answers: Record<string, number>;
  perDoor: Record<Door, number>;
  faultsFired: Record<string, number>;
  failed: boolean;
  line: string;
  dir: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class HubManager {
  life: HubLife;
  private readyAt: number | null = null;
  constructor(
    private readonly dataDir: string,
    private readonly ports: HubPorts,
  ) {
    this.life = this.spawn();
  }

  private spawn(): HubLife {
    this.readyAt = null;
    const life = spawnHub(this.dataDir, this.ports);
    life.ready.then(
      () => {
        if (this.life === life) this.readyAt = Date.now();
      },
      () => undefined,
    );
    this.life = life;
    return life;
  }

  /** SIGKILL now; true when it was still starting up: before its API answered or within 1.5 s after (reconciling). */
  async kill(): Promise<boolean> {
    const startup = this.readyAt === null || Date.now() - this.readyAt < 1500;
    await this.life.kill('SIGKILL');
    return startup;
  }

  restart(): void {
    if (!this.life.alive) this.spawn();
  }

  async ensureUp(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      this.restart();
      try {
        await this.life.ready;
        return;
      } catch {
        await sleep(200);
      }
    }
    throw new Error('the hub does not start any more');
  }

  stop(): Promise<void> {
    return this.life.kill('SIGTERM');
  }
}


export async function runChaos(o: ChaosOptions): Promise<ChaosResult> {
  const log = o.log ?? (() => undefined);
  const rng = new Prng(o.seed);
  const framing = o.framing ?? (rng.chance(0.5) ? 'x' : 'classic');
  const transport = o.transport ?? (rng.chance(0.5) ? 'tcp' : 'pty');
  const timing = o.timing ?? (rng.chance(0.5) ? 'realistic' : 'zero');
  const card = o.card === undefined ? DEFAULT_CARD : o.card;
  const families = o.faults ?? [...FAULT_FAMILIES, ...(card ? CARD_FAULT_FAMILIES : [])];
  const dir = mkdtempSync(join(tmpdir(), `fiscool-chaos-${o.seed}-`));
  const scanFolder = join(dir, 'inp');
  mkdirSync(scanFolder, { recursive: true });
  const runId = o.seed.toString(36);
  log(`chaos seed=${o.seed}: ${framing} framing over ${transport}, ${timing} timing, faults ${families.join(',') || 'none'}, dir ${dir}`);

  const em = await startEmulator({ framing, transport, stateDir: join(dir, 'register'), timing, cancelAfterPayment: o.lenientCancel ? 'allow' : 'refuse' });
  const ports: HubPorts = { native: await freePort(), erpnet: await freePort(), ucsfphub: await freePort() };
  const hubs = new HubManager(join(dir, 'hub'), ports);
  const monkeyStats = newMonkeyStats();
  const requests: ChaosRequest[] = [];
  let verdict: Verdict | null = null;
  let journal: JournalDocument[] = [];
  let faultsFired: Record<string, number> = {};
  let posId: string | null = null;
  let deviceId = '';
  let pendingVoids: PendingVoidEntry[] = [];
  let watch: TerminalWatch | null = null;
  try {
    await hubs.life.ready;
    const base = `http://127.0.0.1:${ports.native}`;
    if (card) {
      posId = await linkTerminal(base, timing);
      watch = new TerminalWatch(join(dir, 'hub', 'simulated-pos', posId));
    }
    const saved = await json(`${base}/manage/save_fiscal_device`, {
      name: 'Chaos Datecs',
      manufacturer: 'Datecs',
      model: framing === 'x' ? 'DP-25MX' : 'FP-2000',
      connection_details:
        transport === 'tcp'
          ? { type: 'Network', details: { ip_address: '127.0.0.1', port: em.tcpPort } }
          : { type: 'Serial', details: { port: em.serialPath, baud_rate: 115_200 } },
      enabled: true,
      scan_folder: scanFolder,
      options: { protocol: framing, timeout_ms: 300, max_attempts: DRIVER_ATTEMPTS, reconnect_initial_ms: 50, reconnect_max_ms: 500 },
      ...(posId ? { auto_send_card_to_pos: true, linked_pos_device_id: posId } : {}),
    });
    if (saved.status !== 0) throw new Error(`cannot configure the Datecs device: ${JSON.stringify(saved)}`);
    deviceId = String(saved.device.id);
    const settings = await json(`${base}/manage/save_settings`, { inbox: { settle_ms: 100, rescan_ms: 1000, wait_timeout_s: 3600 } });
    if (settings.status !== undefined && settings.status !== 0) throw new Error(`cannot save the inbox settings: ${JSON.stringify(settings)}`);
    for (const until = Date.now() + 30_000; ; ) {
      const list = (await json(`${base}/devices/fiscal`)) as { fiscal_devices: Array<{ config: { id: string }; status: string }> };
      if (list.fiscal_devices.find((d) => d.config.id === deviceId)?.status === 'Connected') break;
      if (Date.now() > until) throw new Error('the Datecs device did not connect');
      await sleep(100);
    }
    const target: DoorTarget = {
      nativeUrl: base,
      erpnetUrl: `http://127.0.0.1:${ports.erpnet}`,
      ucsUrl: `http://127.0.0.1:${ports.ucsfphub}`,
      deviceId,
      scanFolder,
    };

    const startedAt = Date.now();
    const stopAt = startedAt + o.seconds * 1000;
    const resolveBy = stopAt + (o.resolveSeconds ?? 90) * 1000;
    const trafficOn = () => Date.now() < stopAt;
    let next = 1;
    const doorRng = rng.fork(1);
    const newRequest = (door: Door) => {
      const r = makeRequest(next++, door, doorRng, runId, card ?? undefined);
      requests.push(r);
      return r;
    };

    /** A careful POS: same key, same body, until definitive; in doubt or no answer → wait and ask again. */
    const pursue = async (r: ChaosRequest, wait: Prng) => {
      while (Date.now() < resolveBy) {
        const kind = await attempt(r, target);
        if (kind === 'success' || kind === 'failure') return;
        if (kind === 'other') {
          r.verdict = 'failure'; // a 4xx: the request was refused as such (a harness bug if it happens)
          return;
        }
        await sleep(kind === 'in_doubt' ? wait.int(300, 1500) : wait.int(150, 700));
      }
    };
    const httpClient = async (door: Door, salt: number) => {
      const wait = rng.fork(100 + salt);
      while (trafficOn()) {
        await pursue(newRequest(door), wait);
        await sleep(wait.int(0, 300));
      }
    };
    const inpClient = async () => {
      const wait = rng.fork(200);
      const pending = new Set<ChaosRequest>();
      const poll = () => {
        for (const r of [...pending]) {
          const s = inpState(r, target);
          if (s === 'pending') continue;
          r.verdict = s === 'ok' ? 'success' : 'failure';
          r.answers[s === 'ok' ? 'success' : 'failure']++;
          pending.delete(r);
        }
      };
      while (trafficOn()) {
        if (pending.size < 2) {
          const r = newRequest('inp');
          dropInp(r, target);
          pending.add(r);
        }
        await sleep(wait.int(200, 1200));
        poll();
      }
      while (pending.size > 0 && Date.now() < resolveBy) {
        await sleep(200);
        poll();
      }
    };

    let stopped = false;
    const monkeyRng = rng.fork(2);
    const killNow = async () => {
      if (await hubs.kill()) monkeyStats.startupKills++;
      monkeyStats.hubKills++;
      await sleep(monkeyRng.int(50, 1000));
      hubs.restart();
    };
    const deps = {
      rng: monkeyRng,
      framing,
      families,
      control: (line: string) => em.control(line),
      stopped: () => stopped || !trafficOn(),
      killHub: async (againMs: number | null) => {
        await killNow();
        if (againMs !== null) {
          await sleep(againMs);
          if (!deps.stopped()) {
            if (await hubs.kill()) monkeyStats.startupKills++;
            monkeyStats.hubKills++;
            await sleep(monkeyRng.int(50, 500));
            hubs.restart();
          }
        }
      },
      killHubAt: async (moment: CardMoment) => {
        const tx = await watch?.next(moment, 8000);
        if (!tx || deps.stopped()) return false;
        log(`chaos seed=${o.seed}: SIGKILL at ${moment} (${tx.amount_cents}c, ${tx.reference ?? ''})`);
        await killNow();
        return true;
      },
    };
    const monkey = runMonkey(deps, monkeyStats, o.faultGapMs ?? 1500);
    const cashier = runCashier({ rng: rng.fork(3), control: deps.control, stopped: () => stopped }, monkeyStats);
    const clients = [httpClient('native', 1), httpClient('native', 2), httpClient('erpnet', 3), httpClient('ucsfphub', 4), inpClient()];

    // Time is up: the faults stop, the hub comes back, the register is made good (the cashier's last round).
    await sleep(Math.max(0, stopAt - Date.now()));
    await monkey;
    await em.control('clear-faults');
    await hubs.ensureUp();
    log(`chaos seed=${o.seed}: traffic stopped after ${o.seconds} s; resolving ${requests.filter((r) => r.verdict === 'pending').length} open request(s)`);
    await Promise.all(clients);
    stopped = true;
    await cashier;
    // The hub settles what it still holds (an in-doubt job is reconciled before new work): give it a moment.
    await sleep(500);
    if (posId) pendingVoids = await settledPendingVoids(base, Math.max(resolveBy, Date.now() + 10_000));
    journal = (await em.control('journal')) as JournalDocument[];
    const st = (await em.control('status')) as { status: RegisterStatus };
    faultsFired = ((await em.control('stats')) as { faults_fired: Record<string, number> }).faults_fired;
    verdict = countVerdict(requests, journal, st.status.receipt !== 'none');
  } finally {
    watch?.close();
    await hubs.stop().catch(() => undefined);
    await em.stop().catch(() => undefined);
  }
  const v = verdict;
  if (posId) v.card = cardVerdictOf(requests, journal, join(dir, 'hub'), posId, deviceId, pendingVoids);
  if (v.card) v.findings.push(...v.card.findings);
  const answers: Record<string, number> = { success: 0, failure: 0, in_doubt: 0, no_answer: 0, other: 0 };
  const perDoor = { native: 0, inp: 0, erpnet: 0, ucsfphub: 0 } as Record<Door, number>;
  for (const r of requests) {
    perDoor[r.door]++;
    for (const [k, n] of Object.entries(r.answers)) answers[k] = (answers[k] ?? 0) + n;
  }
  const firedTotal = Object.values(faultsFired).reduce((a, b) => a + b, 0);
  const injected = Object.entries(monkeyStats.faults)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}:${n}`)
    .join(',');
  const line =
    `chaos seed=${o.seed} ${framing}/${transport}/${timing}${o.lenientCancel ? '/lenient-cancel' : ''} ${o.seconds}s | requests=${v.requests} ` +
    `(native ${perDoor.native}, inp ${perDoor.inp}, erpnet ${perDoor.erpnet}, ucsfphub ${perDoor.ucsfphub}) ` +
    `answers ok=${answers.success} failed=${answers.failure} in_doubt=${answers.in_doubt} no_answer=${answers.no_answer} other=${answers.other} | ` +
    `hub_kills=${monkeyStats.hubKills} (startup ${monkeyStats.startupKills}${card ? `, card ${monkeyStats.cardKills}` : ''}) power_cuts=${monkeyStats.powerCuts} ` +
    `(replay kept ${monkeyStats.powerCutsReplayKept}, lost ${monkeyStats.powerCutsReplayLost}) faults=${Object.values(monkeyStats.faults).reduce((a, b) => a + b, 0)} ` +
    `[${injected}] fired=${firedTotal} cashier=${monkeyStats.cashierFixes} | printed=${v.printed} ` +
    `lost=${v.lost} duplicates=${v.duplicates} orphans=${v.orphans} open=${v.open} wrong_totals=${v.wrongTotals} unresolved=${v.unresolved} strays=${v.strays} | ` +
    `inp BonOK=${v.inp.ok} BonERR=${v.inp.err} printed=${v.inp.printed}` +
    (v.card ? ` | ${cardFigures(v.card)}` : ' | card off');
  const isFailed = failed(v);
  if (!o.keep && !isFailed) rmSync(dir, { recursive: true, force: true });
  return { seed: o.seed, framing, transport, timing, verdict: v, monkey: monkeyStats, answers, perDoor, faultsFired, failed: isFailed, line, dir };
}
