/**
 * The emulator's control port (JSON over HTTP, apart from the terminal's own API): read the transaction log and
 * state, set rules, customer delays and faults, cut the power, wait for a transaction. For tests and integrators.
 *   GET  /state            power, transaction in progress, rules, delays, faults
 *   GET  /transactions     the log
 *   POST /rules            { decline_suffixes?, timeout_suffixes?, cancel_suffixes?, card_timeout_suffixes?, answer_lost_suffixes?, pin_above_cents?, decline_above_cents? }
 *   POST /delays           { card_ms?, pin_ms?, auth_ms? }
 *   POST /faults           { busy?, hang?, drop?, answer_lost_next?, answer_lost_ms?, power_cut_at?, power_down_ms? }
 *   POST /power-cycle      { down_ms? }
 *   POST /wait             { merchant_reference?, state?, stage?, timeout_ms? }  → the transaction
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { VivaLocalEmulator } from './viva-emulator.js';

const suffixes = z.array(z.string().regex(/^\d{2}$/)).optional();
const Rules = z.strictObject({
  decline_suffixes: suffixes,
  timeout_suffixes: suffixes,
  cancel_suffixes: suffixes,
  card_timeout_suffixes: suffixes,
  answer_lost_suffixes: suffixes,
  pin_above_cents: z.number().int().min(0).optional(),
  decline_above_cents: z.number().int().min(0).nullable().optional(),
});
const ms = z.number().int().min(0).max(600_000);
const Delays = z.strictObject({ card_ms: ms.optional(), pin_ms: ms.optional(), auth_ms: ms.optional() });
const STAGES = ['waiting_for_card', 'pin', 'processing', 'approved', 'declined', 'cancelled', 'timeout'] as const;
const Faults = z.strictObject({
  busy: z.boolean().optional(),
  hang: z.boolean().optional(),
  drop: z.boolean().optional(),
  answer_lost_next: z.boolean().optional(),
  answer_lost_ms: ms.optional(),
  power_cut_at: z.enum(STAGES).nullable().optional(),
  power_down_ms: ms.optional(),
});
const Wait = z.strictObject({
  merchant_reference: z.string().optional(),
  state: z.string().optional(),
  stage: z.enum(STAGES).optional(),
  timeout_ms: ms.optional(),
});

export async function startControlServer(emu: VivaLocalEmulator, port = 0, host = '127.0.0.1'): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      let body: unknown = {};
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        body = raw.trim() === '' ? {} : JSON.parse(raw);
      } catch {
        return send(400, { error: 'body is not JSON' });
      }
      const path = new URL(req.url ?? '/', 'http://control').pathname;
      const parse = <T>(schema: z.ZodType<T>): T | null => {
        const p = schema.safeParse(body);
        if (p.success) return p.data;
        send(400, { error: p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        return null;
      };
      const t = emu.terminal;
      switch (`${req.method} ${path}`) {
        case 'GET /state':
          return send(200, { powered: t.powered, current: t.current(), rules: t.rules, delays: t.delays, faults: { ...t.faults, ...emu.api.faults }, port: emu.port });
        case 'GET /transactions':
          return send(200, { transactions: emu.transactions() });
        case 'POST /rules': {
          const r = parse(Rules);
          if (!r) return;
          emu.setRules(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
          return send(200, { rules: t.rules });
        }
        case 'POST /delays': {
          const d = parse(Delays);
          if (!d) return;
          emu.setDelays(Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)));
          return send(200, { delays: t.delays });
        }
        case 'POST /faults': {
          const f = parse(Faults);
          if (!f) return;
          emu.setFaults(Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));
          return send(200, { faults: { ...t.faults, ...emu.api.faults } });
        }
        case 'POST /power-cycle': {
          const p = parse(z.strictObject({ down_ms: ms.optional() }));
          if (!p) return;
          emu.powerCycle(p.down_ms);
          return send(200, { powered: false });
        }
        case 'POST /wait': {
          const w = parse(Wait);
          if (!w) return;
          const timeout = w.timeout_ms ?? 10_000;
          const waited = w.stage
            ? emu.waitForStage(w.stage, w.merchant_reference, timeout).then(() => ({ stage: w.stage }))
            : emu
                .waitFor((tx) => (w.merchant_reference === undefined || tx.merchant_reference === w.merchant_reference) && (w.state === undefined || tx.state === w.state), timeout)
                .then((tx) => ({ transaction: tx }));
          waited.then((r) => send(200, r), (e: unknown) => send(408, { error: (e as Error).message }));
          return;
        }
        default:
          return send(404, { error: `no such control command ${req.method} ${path}` });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
