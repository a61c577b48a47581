/**
 * The four doors a shop's programs use, each driven like a careful POS: one request = one key (Idempotency-Key,
 * INP file, ErpNet.FP taskId, UcsFPHub request_id) and one body, re-sent unchanged until the answer is definitive;
 * "in doubt" (or no answer at all) means wait and ask again under the same key. Each receipt carries a unique tag
 * in its first item's name, so the register's journal maps every printed receipt to one request.
 */
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_ERRORS } from '../../src-main/domain/error-codes.js';
import { tx } from '../../src-main/doors/compat-shared/texts.js';
import { planCard, type CardOptions } from './card-plan.js';
import type { Prng } from './prng.js';

export type Door = 'native' | 'inp' | 'erpnet' | 'ucsfphub';
export const DOORS: readonly Door[] = ['native', 'inp', 'erpnet', 'ucsfphub'];
export type AnswerKind = 'success' | 'failure' | 'in_doubt' | 'no_answer' | 'other';

export interface ChaosItem {
  name: string;
  price_cents: number;
  /** Whole pieces (the total is then exact in every door's number format). */
  qty: number;
  group: 'A' | 'B';
}

export interface ChaosRequest {
  n: number;
  door: Door;
  tag: string;
  key: string;
  items: ChaosItem[];
  total_cents: number;
  /** Pay the exact total, or let the register compute "the rest" (no amount). */
  payExact: boolean;
  /** Paid by card on the linked terminal (0: no card); the rest in cash. */
  card_cents: number;
  verdict: 'success' | 'failure' | 'pending';
  answers: Record<AnswerKind, number>;
  /** The last answer, shortened (for the report of a failure). */
  last: string;
}

export interface DoorTarget {
  nativeUrl: string;
  erpnetUrl: string;
  ucsUrl: string;
  deviceId: string;
  scanFolder: string;
}

/** The tag of a request, printed in its first item's name (`K00042`). */
export const TAG = /\bK\d{5}\b/;

export function makeRequest(n: number, door: Door, rng: Prng, runId: string, card?: CardOptions): ChaosRequest {
  const tag = `K${String(n).padStart(5, '0')}`;
  const count = rng.int(1, 4);
  const items: ChaosItem[] = Array.from({ length: count }, (_, i) => ({
    name: i === 0 ? `${tag} Paine` : rng.pick(['Lapte', 'Apa', 'Cafea', 'Ceai', 'Unt']),
    price_cents: rng.int(50, 4999),
    qty: rng.int(1, 3),
    group: rng.pick(['A', 'B'] as const),
  }));
  const payExact = rng.chance(0.5);
  // Drawn after the rest, and only with card payments on: a run without them repeats the traffic of its seed.
  const card_cents = card ? planCard(items, rng, card) : 0;
  const total = items.reduce((s, it) => s + it.price_cents * it.qty, 0);
  return {
    n,
    door,
    tag,
    key: `chaos-${runId}-${tag}`,
    items,
    total_cents: total,
    payExact,
    card_cents,
    verdict: 'pending',
    answers: { success: 0, failure: 0, in_doubt: 0, no_answer: 0, other: 0 },
    last: '',
  };
}

const dec = (cents: number) => (cents / 100).toFixed(2);

/**
 * A request's payments in door-neutral form: the card part (if any) first, then cash — the exact rest, or "the rest"
 * without an amount (left out where the door has no such form: the native API wants every amount).
 */
function paymentsOf(req: ChaosRequest): Array<{ method: 'card' | 'cash'; cents: number | null }> {
  const rest = req.total_cents - req.card_cents;
  const card = req.card_cents > 0 ? [{ method: 'card' as const, cents: req.card_cents }] : [];
  if (rest === 0) return card;
  return [...card, { method: 'cash', cents: req.payExact ? rest : null }];
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string } | null> {
  try {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(150_000) });
    return { status: r.status, text: await r.text() };
  } catch {
    return null; // the hub died under us, or is down
  }
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const IN_DOUBT_TEXTS = [DEVICE_ERRORS.IN_DOUBT.ro, DEVICE_ERRORS.IN_DOUBT.en, tx('ro', 'stillRunning'), tx('en', 'stillRunning'), tx('ro', 'inDoubt'), tx('en', 'inDoubt')];

/** One attempt through the request's door; updates `req` and says what kind of answer came. */
export async function attempt(req: ChaosRequest, t: DoorTarget): Promise<AnswerKind> {
  const kind = await (req.door === 'native' ? native(req, t) : req.door === 'erpnet' ? erpnet(req, t) : ucs(req, t));
  req.answers[kind]++;
  if (kind === 'success') req.verdict = 'success';
  if (kind === 'failure') req.verdict = 'failure';
  return kind;
}

async function native(req: ChaosRequest, t: DoorTarget): Promise<AnswerKind> {
  const body = {
    device_id: t.deviceId,
    operation: {
      type: 'print_receipt',
      lines: req.items.map((it) => ({ type: 'item', description: it.name, quantity_thousandths: it.qty * 1000, unit_price_cents: it.price_cents, vat: it.group })),
      ...(req.payExact || req.card_cents > 0
        ? { payments: paymentsOf(req).map((p) => ({ method: p.method, amount_cents: p.cents ?? req.total_cents - req.card_cents })) }
        : {}),
    },
  };
  const r = await post(`${t.nativeUrl}/devices/operation`, JSON.stringify(body), { 'idempotency-key': req.key });
  if (!r) return 'no_answer';
  req.last = `HTTP ${r.status} ${r.text.slice(0, 200)}`;
  const b = parse(r.text);
  if (r.status >= 500 || !b) return 'no_answer';
  if (r.status !== 200) return 'other';
  if (b.status === 0) return 'success';
  if (b.code === 'IN_DOUBT' || b.state === 'in_doubt' || b.state === 'running' || b.state === 'queued') return 'in_doubt';
  return 'failure';
}

async function erpnet(req: ChaosRequest, t: DoorTarget): Promise<AnswerKind> {
  const body = {
    items: req.items.map((it) => ({ text: it.name, quantity: it.qty, unitPrice: Number(dec(it.price_cents)), taxGroup: it.group === 'A' ? 1 : 2 })),
    ...(req.payExact || req.card_cents > 0
      ? { payments: paymentsOf(req).map((p) => ({ ...(p.cents !== null ? { amount: Number(dec(p.cents)) } : {}), paymentType: p.method })) }
      : {}),
  };
  const r = await post(`${t.erpnetUrl}/printers/${t.deviceId}/receipt?taskId=${encodeURIComponent(req.key)}`, JSON.stringify(body));
  if (!r) return 'no_answer';
  req.last = `HTTP ${r.status} ${r.text.slice(0, 200)}`;
  const b = parse(r.text);
  if (r.status >= 500 || !b) return 'no_answer';
  if (r.status !== 200) return 'other';
  if (b.ok === true) return 'success';
  if (typeof b.taskId === 'string') return 'in_doubt'; // still running: asked again under the same taskId
  const codes = Array.isArray(b.messages) ? (b.messages as Array<{ code?: string }>).map((m) => m.code) : [];
  if (codes.includes('E199')) return 'in_doubt';
  return 'failure';
}

async function ucs(req: ChaosRequest, t: DoorTarget): Promise<AnswerKind> {
  const body = {
    ReceiptType: 'Sale',
    Rows: [
      ...req.items.map((it) => ({ ItemName: it.name, Price: Number(dec(it.price_cents)), Quantity: it.qty, TaxGroup: it.group === 'A' ? 1 : 2 })),
      ...paymentsOf(req).map((p) => ({ PaymentType: p.method === 'card' ? 'Card' : 'Cash', ...(p.cents !== null ? { Amount: Number(dec(p.cents)) } : {}) })),
    ],
  };
  const r = await post(`${t.ucsUrl}/printers/${t.deviceId}/receipt?request_id=${encodeURIComponent(req.key)}`, JSON.stringify(body));
  if (!r) return 'no_answer';
  req.last = `HTTP ${r.status} ${r.text.slice(0, 200)}`;
  const b = parse(r.text);
  if (r.status >= 500 || !b) return 'no_answer';
  if (r.status !== 200) return 'other';
  if (b.Ok === true) return 'success';
  const text = typeof b.ErrorText === 'string' ? b.ErrorText : '';
  if (IN_DOUBT_TEXTS.some((x) => text.includes(x))) return 'in_doubt';
  return 'failure';
}

/** INP: the file's content (FPrint format). */
export function inpContent(req: ChaosRequest): string {
  const lines = req.items.map((it) => `S,1,______,_,__;${it.name};${dec(it.price_cents)};${it.qty}.000;1;1;${it.group === 'A' ? 1 : 2};0;0;buc`);
  const pays = paymentsOf(req).map((p) => `T,1,______,_,__;${p.method === 'card' ? 1 : 0};${p.cents !== null ? dec(p.cents) : ''}`);
  return [...lines, ...pays, ''].join('\r\n');
}

export const inpName = (req: ChaosRequest): string => `${req.tag.toLowerCase()}.inp`;

/** Drop the file as a sales program does: written under another name, then renamed into place. */
export function dropInp(req: ChaosRequest, t: DoorTarget): void {
  const tmp = join(t.scanFolder, `.${inpName(req)}.part`);
  writeFileSync(tmp, inpContent(req));
  renameSync(tmp, join(t.scanFolder, inpName(req)));
}

/** Where the INP file is now: still in the folder (or being processed), or finished in BonOK/BonERR. */
export function inpState(req: ChaosRequest, t: DoorTarget): 'pending' | 'ok' | 'err' {
  const base = req.tag.toLowerCase();
  const finished = (sub: string) => {
    const dir = join(t.scanFolder, sub);
    return existsSync(dir) && readdirSync(dir).some((f) => f === `${base}.inp` || (f.startsWith(`${base}_`) && f.endsWith('.inp')));
  };
  if (finished('BonOK')) return 'ok';
  if (finished('BonERR')) return 'err';
  return 'pending';
}
