/**
 * The request bodies of the three HTTP doors, over real HTTP against a hub running in this process (a simulated
 * register with zero timing, its data on tmpfs when there is one): the native API's POST routes, the ErpNet.FP
 * printing routes and the UcsFPHub printing routes. Mutated seed bodies (the seeds' own examples) and structured
 * JSON/XML from each protocol's field names; varied Content-Types. A crash is an answer 500, a reset connection
 * or an exception escaping inside the hub; a hang is a request without an answer in `hangMs`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '../../src-main/hub/create-hub.js';
import { erpnetExamples, ucsExamples } from '../../test/integration/compat/seed-examples.js';
import { randomJson, randomXml, treeMutation } from './generators.js';
import { inputAt, preview, type InputSource } from './inputs.js';
import type { Figures } from './pure-runner.js';
import { COMPAT_KEYS } from './pure-targets.js';
import type { Rng } from './rng.js';

interface Door {
  port: number;
  serial: string;
  deviceId: string;
}

export interface HttpTarget {
  name: string;
  /** Which listener: the native API or a compatible one. */
  door: 'native' | 'erpnet' | 'ucsfphub';
  source(d: Door): InputSource;
  /** Route and headers for input i (the body is the input). */
  route(d: Door, i: number): { path: string; headers: Record<string, string> };
}

const enc = new TextEncoder();
const NATIVE_KEYS = [
  'device_id', 'operation', 'type', 'lines', 'description', 'quantity_thousandths', 'unit_price_cents', 'vat', 'um', 'discount', 'kind', 'basis_points',
  'amount_cents', 'payments', 'method', 'buyer', 'vat_number', 'close_action', 'text', 'amount', 'datetime', 'range', 'start', 'end', 'detailed', 'original',
  'slip_number', 'reason', 'doc_type', 'id', '__proto__', 'constructor', 'print_receipt', 'print_x', 'deposit_cash', 'set_datetime', 'item', 'subtotal', 'cash', 'card',
];

function nativeCorpus(deviceId: string): Uint8Array[] {
  const op = (operation: unknown) => enc.encode(JSON.stringify({ device_id: deviceId, operation }));
  return [
    op({
      type: 'print_receipt',
      lines: [
        { type: 'item', description: 'Pâine albă', quantity_thousandths: 2000, unit_price_cents: 420, vat: '11%', um: 'buc', discount: { kind: 'percent', basis_points: 500 } },
        { type: 'subtotal', discount: { kind: 'amount', amount_cents: 100 } },
        { type: 'text', text: 'Mulțumim!' },
      ],
      payments: [{ method: 'cash', amount_cents: 1000 }],
      buyer: { vat_number: 'RO18547290' },
      close_action: 'close',
    }),
    op({ type: 'print_refund', lines: [{ type: 'item', description: 'Lapte', quantity_thousandths: 1000, unit_price_cents: 650, vat: 'B' }], original: { slip_number: 1 } }),
    op({ type: 'deposit_cash', amount: 5000 }),
    op({ type: 'withdraw_cash', amount: 100 }),
    op({ type: 'print_x' }),
    op({ type: 'get_status' }),
    op({ type: 'set_datetime', datetime: '2026-11-22T10:00:00' }),
    op({ type: 'print_non_fiscal', lines: ['Bine ați venit'] }),
    op({ type: 'je_report', range: { type: 'date', start: '2026-11-01', end: '2026-11-30' }, doc_type: 'all' }),
    enc.encode(JSON.stringify({ id: '00000000-0000-4000-8000-000000000000' })),
  ];
}

const dec = new TextDecoder();

function bodySource(corpus: Uint8Array[], keys: readonly string[], xml: boolean): InputSource {
  const texts = corpus.map((c) => dec.decode(c)).filter((t) => /^\s*[[{]/.test(t));
  return {
    corpus,
    tokens: ['{', '}', '[', ']', ',', ':', '"', 'null', '1e', '"__proto__":', ',}', '<', '>', '</', '<Root>'],
    generateShare: 0.6,
    generate: (rng: Rng) => {
      if (xml && rng.chance(0.2)) return enc.encode(randomXml(rng, keys));
      return enc.encode(rng.chance(0.75) ? treeMutation(rng, texts, keys) : randomJson(rng, keys));
    },
  };
}

const NATIVE_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json', 'application/json', 'application/json', 'application/json', 'APPLICATION/JSON', 'application/json; charset=latin1', 'text/plain', 'application/json'];

/** The Content-Type a compatible door's client sends (often none at all). */
function compatHeaders(i: number): Record<string, string> {
  const type = at(COMPAT_TYPES, i, 0x9e3779b1);
  return type ? { 'content-type': type } : {};
}

const COMPAT_TYPES = ['', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'text/plain; charset=windows-1251', 'text/xml', 'application/x-www-form-urlencoded'];
const at = <T>(items: readonly T[], i: number, salt: number): T => items[(Math.imul(i + 1, salt) >>> 0) % items.length] as T;

export const HTTP_TARGETS: HttpTarget[] = [
  {
    name: 'native-http',
    door: 'native',
    source: (d) => bodySource(nativeCorpus(d.deviceId), NATIVE_KEYS, false),
    route: (_d, i) => {
      const path = at(['/devices/operation', '/devices/operation', '/devices/operation', '/devices/operation', '/manage/delete_pos_terminal', '/inbox/files/1/discard', '/manage/save_settings?x'], i, 0x2545f491);
      const headers: Record<string, string> = { 'content-type': at(NATIVE_TYPES, i, 0x9e3779b1) };
      if (i % 7 === 3) headers['idempotency-key'] = `fuzz-${i % 50}`;
      // Settings are not fuzzed through save_settings (a valid token would lock the run out): a path that 404s instead.
      return { path: path === '/manage/save_settings?x' ? '/manage/no_such_route' : path, headers };
    },
  },
  {
    name: 'erpnet-http',
    door: 'erpnet',
    source: () =>
      bodySource(
        erpnetExamples().flatMap((e) => (e.body ? [enc.encode(e.body)] : [])),
        COMPAT_KEYS,
        false,
      ),
    route: (d, i) => {
      const action = at(['receipt', 'receipt', 'receipt', 'reversalreceipt', 'deposit', 'withdraw', 'datetime', 'xreport', 'duplicate', 'reset', 'invoice'], i, 0x2545f491);
      const query = i % 11 === 5 ? `?asyncTimeout=${i % 3000}` : i % 13 === 7 ? `?taskId=fuzz-${i % 97}` : '';
      return { path: `/printers/${d.serial.toLowerCase()}/${action}${query}`, headers: compatHeaders(i) };
    },
  },
  {
    name: 'ucsfphub-http',
    door: 'ucsfphub',
    source: () =>
      bodySource(
        [...ucsExamples('001'), ...ucsExamples('003')].flatMap((e) => (e.body && e.method === 'POST' ? [enc.encode(e.body)] : [])),
        COMPAT_KEYS,
        true,
      ),
    route: (d, i) => {
      const action = at(['/receipt', '/receipt', '/receipt', '/deposit', '/report', '/datetime', '/drawer', ''], i, 0x2545f491);
      const query = i % 5 === 1 ? '?format=xml' : i % 7 === 2 ? `?request_id=fuzz-${i % 89}` : i % 9 === 4 ? '?IncludeAll=1' : '';
      return { path: `/printers/${d.serial}${action}${query}`, headers: compatHeaders(i) };
    },
  },
];

function dataRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

async function startHub(): Promise<{ hub: Hub; dir: string; doors: Record<HttpTarget['door'], Door> }> {
  const dir = mkdtempSync(join(dataRoot(), 'fiscool-fuzz-'));
  const hub = createHub({ dataDir: dir, port: 0, host: '127.0.0.1', erpnetPort: 0, ucsfphubPort: 0, probeMs: 1000 });
  await hub.start();
  const device = hub.devices.listFiscal()[0];
  if (!device) throw new Error('no simulated register');
  const deadline = Date.now() + 15_000;
  while (!hub.devices.getFiscal(device.config.id)?.identity) {
    if (Date.now() > deadline) throw new Error('the simulated register did not connect');
    await new Promise((r) => setTimeout(r, 20));
  }
  const serial = hub.devices.getFiscal(device.config.id)?.identity?.serial ?? '';
  const a = hub.addresses();
  const mk = (port: number | undefined): Door => ({ port: port ?? 0, serial, deviceId: device.config.id });
  return { hub, dir, doors: { native: mk(a.native?.port), erpnet: mk(a.erpnet?.port), ucsfphub: mk(a.ucsfphub?.port) } };
}

function send(agent: Agent, port: number, path: string, headers: Record<string, string>, body: Uint8Array, hangMs: number): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.setTimeout(hangMs, () => {
      req.destroy();
      resolve({ error: 'timeout' });
    });
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(body);
  });
}

export async function runHttpTarget(t: HttpTarget, o: { seed: number; from: number; inputs: number; hangMs: number; concurrency?: number }): Promise<Figures> {
  const t0 = performance.now();
  const f: Figures = { target: t.name, inputs: o.inputs, crashes: 0, hangs: 0, answers500: 0, seconds: 0, slowestMs: 0, details: [] };
  const escaped: string[] = [];
  const onError = (e: unknown) => escaped.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  const { hub, dir, doors } = await startHub();
  const door = doors[t.door];
  const src = t.source(door);
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency ?? 16 });
  const statuses = new Map<number, number>();
  let next = o.from;
  const end = o.from + o.inputs;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= end) return;
      const body = inputAt(src, o.seed, i, 16_384);
      const { path, headers } = t.route(door, i);
      const s0 = performance.now();
      const r = await send(agent, door.port, path, headers, body, o.hangMs);
      const ms = performance.now() - s0;
      if (ms > f.slowestMs) f.slowestMs = ms;
      const note = (what: string) => f.details.length < 40 && f.details.push(`${what} #${i} POST ${path}: input ${preview(body)}`);
      if ('error' in r) {
        if (r.error === 'timeout') {
          f.hangs++;
          note(`hang (${o.hangMs} ms)`);
        } else {
          f.crashes++;
          note(`connection ${r.error}`);
        }
        continue;
      }
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      // 503 is UcsFPHub's deliberate "in doubt, ask again" (it cannot happen on an unfaulted register): not a crash.
      if (r.status >= 500 && r.status !== 503) {
        f.answers500 = (f.answers500 ?? 0) + 1;
        note(`answer ${r.status}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency ?? 16 }, worker));
  } finally {
    agent.destroy();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
  f.crashes += escaped.length;
  for (const e of escaped.slice(0, 10)) f.details.push(`escaped the hub: ${e}`);
  f.info = `answers: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`;
  f.seconds = (performance.now() - t0) / 1000;
  return f;
}
