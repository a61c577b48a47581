/**
 * The Viva Local Terminal API emulator on the wire (raw HTTP, no FisCool driver): strict request checks, the
 * session state machine, busy, abort, a same-day full refund as a void, and the emulator as its own process
 * (`npm run emulator -- viva-local`) whose log survives a kill -9.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { VIVA_EVENT } from '../../../src-main/protocols/viva-local/event-ids.js';
import { businessDay, VivaLocalEmulator } from '../../../src-main/emulators/viva-local/index.js';
import { createVivaLocalDriver } from '../../../src-main/drivers/viva-local/index.js';
import { PosOperation } from '../../../src-main/domain/operations.js';
import { errorOf, posCtx } from './harness.js';
import { tempStateDir } from './harness.js';
import { startEmulatorCli } from '../../helpers/emulator-process.js';

const dirs: Array<ReturnType<typeof tempStateDir>> = [];
afterAll(() => dirs.forEach((d) => d.remove()));
let emu: VivaLocalEmulator | null = null;
afterEach(async () => {
  await emu?.close();
  emu = null;
});

async function call(base: string, method: string, path: string, body?: unknown, contentType = 'application/json') {
  const r = await fetch(base + path, {
    method,
    ...(body !== undefined
      ? { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': contentType } }
      : {}),
  });
  return { status: r.status, body: (await r.json()) as any };
}

async function settle(base: string, sessionId: string): Promise<any> {
  for (let i = 0; i < 200; i++) {
    const s = await call(base, 'GET', `/pos/v1/sessions/${sessionId}`);
    if (s.body.state !== 'PROCESSING') return s.body;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('session never settled');
}

describe('Viva Local Terminal API emulator', () => {
  it('a sale: PROCESSING at once, then SUCCESS with the transaction; an unknown session is SESSION_NOT_FOUND_ERROR (404)', async () => {
    emu = await VivaLocalEmulator.start({ terminalId: '16038894' });
    const sessionId = randomUUID();
    const start = await call(emu.url, 'POST', '/pos/v1/sale', {
      sessionId,
      amount: 2550,
      currencyCode: '946',
      merchantReference: 'kiosk-1',
    });
    expect(start).toEqual({ status: 200, body: { state: 'PROCESSING', sessionId, sessionType: 'SALE' } });
    const done = await settle(emu.url, sessionId);
    expect(done).toMatchObject({
      state: 'SUCCESS',
      sessionId,
      sessionType: 'SALE',
      payloadData: {
        saleResponse: { isSuccess: true, eventId: 0, amount: 2550, tid: '16038894', transactionTypeId: 5 },
      },
    });
    expect(done.payloadData.saleResponse.retrievalReferenceNumber).toMatch(/^\d{12}$/);
    expect(done.payloadData.saleResponse.transactionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await call(emu.url, 'GET', `/pos/v1/sessions/${randomUUID()}`)).toMatchObject({
      status: 404,
      body: { state: 'SESSION_NOT_FOUND_ERROR' },
    });
    expect(emu.transactions().find((t) => t.reference === sessionId)).toMatchObject({
      merchant_reference: 'kiosk-1',
      state: 'approved',
    });
  });

  it('refuses what a strict terminal refuses: wrong fields, a non-JSON body or content type, a reused session id, unknown paths', async () => {
    emu = await VivaLocalEmulator.start();
    const sessionId = randomUUID();
    expect(await call(emu.url, 'POST', '/pos/v1/sale', { sessionId, amount: 12.5 })).toMatchObject({
      status: 400,
      body: { eventId: VIVA_EVENT.WRONG_PARAMETERS },
    });
    expect(await call(emu.url, 'POST', '/pos/v1/sale', { amount: 1250 })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('sessionId') },
    });
    expect((await call(emu.url, 'POST', '/pos/v1/sale', '{not json')).status).toBe(400);
    expect(
      (await call(emu.url, 'POST', '/pos/v1/sale', JSON.stringify({ sessionId, amount: 100 }), 'text/plain')).status,
    ).toBe(415);
    expect((await call(emu.url, 'POST', '/pos/v1/refund', { sessionId, amount: 100 })).status).toBe(400); // no transactionId
    expect((await call(emu.url, 'GET', '/pos/v1/sale')).status).toBe(405);
    expect((await call(emu.url, 'GET', '/pos/v2/anything')).status).toBe(404);
    expect(emu.transactions()).toEqual([]);
    await call(emu.url, 'POST', '/pos/v1/sale', { sessionId, amount: 100 });
    await settle(emu.url, sessionId);
    expect(await call(emu.url, 'POST', '/pos/v1/sale', { sessionId, amount: 100 })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('already used') },
    });
    expect(emu.transactions()).toHaveLength(1);
  });

  it('one transaction at a time: BUSY_ERROR while a payment runs (no session made); abort stops it while the card is awaited', async () => {
    emu = await VivaLocalEmulator.start({ delays: { card_ms: 5000 } });
    const first = randomUUID();
    const second = randomUUID();
    await call(emu.url, 'POST', '/pos/v1/sale', { sessionId: first, amount: 1000 });
    expect((await call(emu.url, 'POST', '/pos/v1/sale', { sessionId: second, amount: 1000 })).body).toEqual({
      state: 'BUSY_ERROR',
      sessionId: second,
      sessionType: 'SALE',
    });
    expect((await call(emu.url, 'GET', `/pos/v1/sessions/${second}`)).status).toBe(404);
    expect((await call(emu.url, 'POST', '/pos/v1/abort', { sessionId: second })).body.state).toBe(
      'SESSION_NOT_FOUND_ERROR',
    );
    expect((await call(emu.url, 'POST', '/pos/v1/abort', { sessionId: first })).body).toEqual({
      state: 'PROCESSING',
      sessionId: first,
      sessionType: 'SALE',
    });
    const done = await settle(emu.url, first);
    expect(done).toMatchObject({
      state: 'FAILURE',
      payloadData: {
        saleResponse: { isSuccess: false, eventId: VIVA_EVENT.ABORTED, isAbortRequested: true, tid: null },
      },
    });
  });

  it('a same-day refund of the full amount voids the sale; a partial one refunds; a refund of an unknown transaction fails (1012)', async () => {
    emu = await VivaLocalEmulator.start();
    const s1 = randomUUID();
    await call(emu.url, 'POST', '/pos/v1/sale', { sessionId: s1, amount: 5000 });
    const sale = (await settle(emu.url, s1)).payloadData.saleResponse;
    const partial = randomUUID();
    await call(emu.url, 'POST', '/pos/v1/refund', {
      sessionId: partial,
      amount: 2000,
      transactionId: sale.transactionId,
    });
    expect(await settle(emu.url, partial)).toMatchObject({
      state: 'SUCCESS',
      sessionType: 'CANCEL',
      payloadData: { cancelResponse: { isSuccess: true, amount: 2000, transactionTypeId: 4 } },
    });
    const s2 = randomUUID();
    await call(emu.url, 'POST', '/pos/v1/sale', { sessionId: s2, amount: 3000 });
    const sale2 = (await settle(emu.url, s2)).payloadData.saleResponse;
    const full = randomUUID();
    await call(emu.url, 'POST', '/pos/v1/refund', {
      sessionId: full,
      amount: 3000,
      transactionId: sale2.transactionId,
    });
    expect((await settle(emu.url, full)).state).toBe('SUCCESS');
    const kinds = Object.fromEntries(emu.transactions().map((t) => [t.reference, t.kind]));
    expect(kinds[partial]).toBe('refund');
    expect(kinds[full]).toBe('void');
    const unknown = randomUUID();
    expect(
      (await call(emu.url, 'POST', '/pos/v1/refund', { sessionId: unknown, amount: 100, transactionId: randomUUID() }))
        .body.state,
    ).toBe('PROCESSING');
    expect(await settle(emu.url, unknown)).toMatchObject({
      state: 'FAILURE',
      payloadData: { cancelResponse: { eventId: VIVA_EVENT.NOT_FOUND } },
    });
    // Viva's business day ends at 22:00 GMT+2 (20:00 UTC).
    expect(businessDay(new Date('2026-03-10T19:59:00Z'))).toBe('2026-03-10');
    expect(businessDay(new Date('2026-03-10T20:00:00Z'))).toBe('2026-03-11');
  });

  it("serves HTTPS with the terminal's own certificate; the driver with scheme https pays through it, plain http cannot", async () => {
    const state = tempStateDir();
    dirs.push(state);
    const key = join(state.dir, 'key.pem');
    const cert = join(state.dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=viva-terminal',
      ],
      { stdio: 'ignore' },
    );
    emu = await VivaLocalEmulator.start({ tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') } });
    const config = (scheme: string) => ({
      id: randomUUID(),
      name: 'Viva TLS',
      manufacturer: 'Viva',
      model: 'Android Terminal',
      connection_details: { type: 'Network' as const, details: { ip_address: '127.0.0.1', port: emu!.port } },
      enabled: true,
      options: { scheme, poll_ms: 10, request_timeout_ms: 500 },
    });
    const https = createVivaLocalDriver(config('https'));
    await https.connect();
    expect(
      await https.execute(PosOperation.parse({ type: 'sale', amount: 990, reference: 'tls-1' }), posCtx()),
    ).toMatchObject({ approved: true, amount_cents: 990 });
    expect((await errorOf(createVivaLocalDriver(config('http')).connect())).code).toBe('POS_UNREACHABLE');
  });

  it('runs as its own process: ready line, control port, and its log survives kill -9', async () => {
    const state = tempStateDir();
    dirs.push(state);
    const start = () => startEmulatorCli(['viva-local', '--port', '0', '--control', '0', '--state', state.dir]);
    const a = await start();
    expect(a.ready).toMatchObject({ ready: true, protocol: 'viva-local' });
    const base = `http://127.0.0.1:${a.ready.port}`;
    const control = `http://127.0.0.1:${a.ready.control_port}`;
    expect((await call(control, 'POST', '/rules', { decline_suffixes: ['77'] })).body.rules.decline_suffixes).toEqual([
      '77',
    ]);
    expect((await call(control, 'POST', '/faults', { busy: 'yes' })).status).toBe(400);
    const sessionId = randomUUID();
    await call(base, 'POST', '/pos/v1/sale', { sessionId, amount: 1077 });
    expect(
      (await call(control, 'POST', '/wait', { state: 'declined', timeout_ms: 5000 })).body.transaction,
    ).toMatchObject({ reference: sessionId });
    const ok = randomUUID();
    await call(base, 'POST', '/pos/v1/sale', { sessionId: ok, amount: 1000 });
    await settle(base, ok);
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    const b = await start();
    try {
      const again = `http://127.0.0.1:${b.ready.port}`;
      expect((await call(again, 'GET', `/pos/v1/sessions/${ok}`)).body.state).toBe('SUCCESS');
      expect((await call(again, 'GET', `/pos/v1/sessions/${sessionId}`)).body).toMatchObject({
        state: 'FAILURE',
        payloadData: { saleResponse: { eventId: VIVA_EVENT.INSUFFICIENT_FUNDS } },
      });
      const log = (await call(`http://127.0.0.1:${b.ready.control_port}`, 'GET', '/transactions')).body.transactions;
      expect(log.map((t: any) => t.state)).toEqual(['declined', 'approved']);
    } finally {
      b.child.kill('SIGTERM');
    }
  }, 30_000);
});
