/**
 * A line-based control port for an emulator running as a separate process (loopback only). One command per line,
 * one JSON answer per line ({"ok":true,"result":…} or {"ok":false,"error":"…"}):
 *   status | counters | journal | stats | reset-stats
 *   fault {"kind":"drop","cmd":56,"occurrence":1,"count":2}   arm a wire fault (WireFault JSON, see wire-faults.ts):
 *       nak | drop | garble | noise | slow | disconnect | power_cut | paper_out | cover_open
 *       e.g. {"kind":"power_cut","cmd":56,"execute":true,"duration_ms":800}  execute a close, then lose power
 *            {"kind":"drop","cmd":49,"occurrence":3,"count":4}              execute the 3rd sale, lose 4 answers
 *            {"kind":"cover_open","at_line":5}   {"kind":"slow","delay_ms":900,"syn":false}
 *   power-cut MS            lose power now for MS ms (links drop, register restarts from its files)
 *   replay-memory keep|ram  keep the last answer across power cuts (persisted) or not (RAM, the default)
 *   clear-faults | paper-out N | load-paper | cover open|close | advance-hours H | timing zero|realistic
 *   pc-mode on|off
 */
import net from 'node:net';
import { REALISTIC_TIMING, ZERO_TIMING } from '../virtual-register/register-api.js';
import type { DatecsWireEmulator } from './wire-emulator.js';
import { parseWireFault } from './wire-faults.js';

const positiveInt = (arg: string, what: string): number => {
  const n = Number(arg);
  if (!/^\d+$/.test(arg) || !Number.isSafeInteger(n) || n < 1) throw new Error(`${what}: expected a positive whole number, got "${arg}"`);
  return n;
};

export function runControlCommand(em: DatecsWireEmulator, line: string): unknown {
  const [word = '', ...rest] = line.trim().split(/\s+/);
  const arg = rest.join(' ');
  const r = em.register;
  switch (word) {
    case 'status':
      return { status: r.status(), counters: r.counters(), faults: r.faults() };
    case 'counters':
      return r.counters();
    case 'journal':
      return r.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' });
    case 'stats':
      return { ...em.stats, faults_fired: em.faults.fired, faults_pending: em.faults.pending, powered_off: em.poweredOff, keep_replay_memory: em.keepReplayMemory };
    case 'reset-stats':
      em.resetStats();
      return {};
    case 'fault':
      em.injectWireFault(parseWireFault(arg));
      return {};
    case 'power-cut':
      em.powerCut(positiveInt(arg, 'power-cut'));
      return {};
    case 'replay-memory':
      if (arg !== 'keep' && arg !== 'ram') throw new Error('replay-memory: expected keep or ram');
      em.keepReplayMemory = arg === 'keep';
      return {};
    case 'clear-faults':
      em.faults.clear();
      r.loadPaper();
      r.closeCover();
      return {};
    case 'paper-out':
      r.injectFaults({ paper_out_at_line: positiveInt(arg || '1', 'paper-out') });
      return {};
    case 'load-paper':
      r.loadPaper();
      return {};
    case 'cover':
      if (arg === 'open') r.injectFaults({ cover_open: true });
      else if (arg === 'close') r.closeCover();
      else throw new Error('cover: expected open or close');
      return {};
    case 'advance-hours':
      r.advanceClock(Number(arg) * 3600_000);
      return {};
    case 'timing':
      em.timing = arg === 'realistic' ? { ...REALISTIC_TIMING, baud: em.timing.baud || REALISTIC_TIMING.baud } : ZERO_TIMING;
      return {};
    case 'pc-mode':
      em.pcMode = arg !== 'off';
      return {};
    default:
      throw new Error(`unknown command "${word}"`);
  }
}

export async function serveControl(em: DatecsWireEmulator, opts: { port?: number; host?: string } = {}): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = '';
    socket.on('data', (b: Buffer) => {
      buf += b.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim() === '') continue;
        let answer: unknown;
        try {
          answer = { ok: true, result: runControlCommand(em, line) };
        } catch (e) {
          answer = { ok: false, error: (e as Error).message };
        }
        socket.write(JSON.stringify(answer) + '\n');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Client helper: send one control command and return its parsed answer. */
export function controlRequest(port: number, line: string, host = '127.0.0.1'): Promise<{ ok: boolean; result?: unknown; error?: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host });
    let buf = '';
    socket.on('data', (b: Buffer) => {
      buf += b.toString('utf8');
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        socket.destroy();
        resolve(JSON.parse(buf.slice(0, nl)) as { ok: boolean; result?: unknown; error?: string });
      }
    });
    socket.on('error', reject);
    socket.on('connect', () => socket.write(line + '\n'));
  });
}
