/**
 * Power loss and wire faults of the Datecs emulator, as a real register has them: a power cut keeps the fiscal
 * memory, the journal and an open receipt (they are on the register's disk) and loses RAM — the last answer kept for a
 * repeated SEQ — unless the replay memory is kept. Faults aimed at any command and any N-th occurrence, in-process
 * and through the control port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { joinX } from '../../../src-main/protocols/datecs/params.js';
import { controlRequest } from '../../../src-main/emulators/datecs/control-channel.js';
import { startDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import { probe, type Probe } from './emulator-probe.js';

const open: Probe[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
const make = (framing: 'x' | 'classic', o: { keepReplayMemory?: boolean } = {}) => {
  const p = probe(framing, o);
  open.push(p);
  return p;
};
afterEach(async () => {
  for (const p of open.splice(0)) p.close();
  for (const c of cleanups.splice(0).reverse()) await c();
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const receipts = (p: Probe) => p.register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'fiscal_receipts' });

/** Open, sell one item, pay: ready to close. */
async function paidReceipt(p: Probe): Promise<void> {
  expect((await p.x(48, [1, '0000', 1, '', ''])).code).toBe(0);
  expect((await p.x(49, ['Cafea', 1, '7.50', '1.000', 0, '', 0, ''])).code).toBe(0);
  expect((await p.x(53, [0, ''])).code).toBe(0);
}

describe('power cut after executing a close (issue 8, finding 2)', () => {
  it('RAM replay memory (default): the receipt is printed, nothing answered; the resent close executes again → -111016', async () => {
    const p = make('x');
    await paidReceipt(p);
    p.em.injectWireFault({ kind: 'power_cut', cmd: 56, duration_ms: 50 });
    const lost = await p.x(56, [], 0x50);
    expect(lost.answer.bytes.length).toBe(0);
    expect(p.drops).toEqual([50]);
    expect(receipts(p)).toHaveLength(1);
    expect(p.em.lastAnswer).toBeNull();
    await wait(80);
    const resent = await p.x(56, [], 0x50); // the host resends the same SEQ
    expect(resent.code).toBe(-111016);
    expect(receipts(p)).toHaveLength(1);
    expect(p.em.stats.powerCuts).toBe(1);
  });

  it('kept replay memory: the resent close gets the original answer (slip number), executed once', async () => {
    const p = make('x', { keepReplayMemory: true });
    await paidReceipt(p);
    p.em.injectWireFault({ kind: 'power_cut', cmd: 56, duration_ms: 50 });
    expect((await p.x(56, [], 0x51)).answer.bytes.length).toBe(0);
    await wait(80);
    const resent = await p.x(56, [], 0x51);
    expect([resent.code, resent.fields[0]]).toEqual([0, '1']);
    expect(p.em.stats.replays).toBe(1);
    expect(receipts(p)).toHaveLength(1);
  });

  it('a kept replay memory is persisted: it survives a restart of the emulator process; a RAM one does not', async () => {
    const kept = make('x', { keepReplayMemory: true });
    await paidReceipt(kept);
    kept.em.injectWireFault({ kind: 'drop', cmd: 56 });
    await kept.x(56, [], 0x60);
    const after = kept.restart({ keepReplayMemory: true });
    open.push(after);
    expect((await after.x(56, [], 0x60)).fields[0]).toBe('1');
    expect(receipts(after)).toHaveLength(1);

    const ram = make('x');
    await paidReceipt(ram);
    ram.em.injectWireFault({ kind: 'drop', cmd: 56 });
    await ram.x(56, [], 0x61);
    const restarted = ram.restart();
    open.push(restarted);
    expect((await restarted.x(56, [], 0x61)).code).toBe(-111016);
  });

  it('power cut before executing (execute: false): nothing done, the resend executes it once', async () => {
    const p = make('x');
    await paidReceipt(p);
    p.em.injectWireFault({ kind: 'power_cut', cmd: 56, execute: false, duration_ms: 30 });
    expect((await p.x(56, [], 0x52)).answer.bytes.length).toBe(0);
    expect(receipts(p)).toHaveLength(0);
    await wait(50);
    expect((await p.x(56, [], 0x52)).code).toBe(0);
    expect(receipts(p)).toHaveLength(1);
  });

  it('a power cut re-executes a resent sale: the item is registered twice (issue 8, finding 2 with command 49)', async () => {
    const p = make('x');
    await p.x(48, [1, '0000', 1, '', '']);
    p.em.injectWireFault({ kind: 'power_cut', cmd: 49, duration_ms: 20 });
    const sale = ['Ceai', 1, '4.00', '1.000', 0, '', 0, ''];
    await p.x(49, sale, 0x40);
    await wait(40);
    expect((await p.x(49, sale, 0x40)).code).toBe(0);
    expect(p.register.status()).toMatchObject({ open_receipt_items: 2, open_receipt_total_cents: 800 });
  });
});

describe('powerCut(ms): what survives and what does not', () => {
  it('keeps counters, fiscal memory, the journal and an open receipt; loses the EJ read cursor; answers nothing while off', async () => {
    const p = make('x');
    await paidReceipt(p);
    await p.x(56);
    p.register.advanceClock(3600_000);
    await p.x(69, ['Z']);
    await p.x(48, [1, '0000', 1, '', '']);
    await p.x(49, ['Apă', 2, '3.00', '2.000', 0, '', 0, '']);
    await p.x(125, [5, 1, 1, 0]);
    expect((await p.x(125, [1])).code).toBe(0);
    const docs = p.register.readJournal({ range: { type: 'z_number', start: 1, end: 100 }, doc_type: 'all' }).length;

    p.em.powerCut(120);
    expect(p.em.poweredOff).toBe(true);
    expect(p.drops).toEqual([120]);
    expect((await p.send(74)).bytes.length).toBe(0);
    expect(p.em.stats.ignoredWhileOff).toBe(1);
    await wait(150);

    expect(p.register.status()).toMatchObject({ receipt: 'fiscal', open_receipt_items: 1, open_receipt_total_cents: 600 });
    expect(p.register.counters()).toMatchObject({ receipt_number: 1, z_number: 1 });
    expect(p.register.fiscalMemory()).toHaveLength(1);
    expect(p.register.readJournal({ range: { type: 'z_number', start: 1, end: 100 }, doc_type: 'all' })).toHaveLength(docs);
    expect((await p.x(125, [1])).code).toBe(-105017); // the EJ selection was RAM
    const st = await p.x(74);
    expect(st.flags.fiscal_open).toBe(true);
  });

  it('paper out and an open cover stay as they were (physical), the receipt stays open', async () => {
    const p = make('x');
    await p.x(48, [1, '0000', 1, '', '']);
    p.register.injectFaults({ paper_out_at_line: 1 });
    expect((await p.x(49, ['Lapte', 1, '6.00', '1.000', 0, '', 0, ''])).code).toBe(-100403);
    p.em.powerCut(10);
    await wait(20);
    expect(p.register.status()).toMatchObject({ paper: 'out', receipt: 'fiscal' });
  });
});

describe('wire faults aimed at a command and an occurrence', () => {
  it('drop N: the 2nd sale executes once, its answer and 2 replays are lost, the 4th send gets the replay', async () => {
    const p = make('x');
    await p.x(48, [1, '0000', 1, '', '']);
    p.em.injectWireFault({ kind: 'drop', cmd: 49, occurrence: 2, count: 3 });
    expect((await p.x(49, ['A', 1, '1.00', '1.000', 0, '', 0, ''])).code).toBe(0);
    const second = ['B', 1, '2.00', '1.000', 0, '', 0, ''];
    for (let i = 0; i < 3; i++) expect((await p.x(49, second, 0x70)).answer.bytes.length).toBe(0);
    expect((await p.x(49, second, 0x70)).code).toBe(0);
    expect(p.register.status()).toMatchObject({ open_receipt_items: 2, open_receipt_total_cents: 300 });
    expect(p.em.stats).toMatchObject({ executed: 3, replays: 3, dropped: 3 });
  });

  it('NAK storm: the same packet is refused count times, then executed once', async () => {
    const p = make('classic');
    p.em.injectWireFault({ kind: 'nak', cmd: 0x30, count: 5 });
    for (let i = 0; i < 5; i++) expect((await p.send(0x30, '1,0000,1', { seq: 0x30 })).bytes).toEqual(Buffer.from([0x15]));
    expect((await p.send(0x30, '1,0000,1', { seq: 0x30 })).packets).toHaveLength(1);
    expect(p.register.status().receipt).toBe('fiscal');
  });

  it('cover opened at the 2nd printed line of the 3rd sale: that sale is refused (-100404), the first two stand', async () => {
    const p = make('x');
    await p.x(48, [1, '0000', 1, '', '']);
    p.em.injectWireFault({ kind: 'cover_open', cmd: 49, occurrence: 3, at_line: 1 });
    await p.x(49, ['A', 1, '1.00', '1.000', 0, '', 0, '']);
    await p.x(49, ['B', 1, '1.00', '1.000', 0, '', 0, '']);
    const third = await p.x(49, ['C', 1, '1.00', '1.000', 0, '', 0, '']);
    expect([third.code, third.flags.cover_open]).toEqual([-100404, true]);
    expect(p.register.status()).toMatchObject({ cover_open: true, open_receipt_items: 2 });
    p.register.closeCover();
    expect((await p.x(49, ['C', 1, '1.00', '1.000', 0, '', 0, ''])).code).toBe(0);
  });

  it('slow answer without SYN: the host times out and resends; it gets the late answer and the replay, executed once', async () => {
    const p = make('x');
    p.em.injectWireFault({ kind: 'slow', cmd: 48, delay_ms: 150 });
    const data = joinX([1, '0000', 1, '', '']);
    const first = await p.send(48, data, { seq: 0x44, waitMs: 60 });
    expect(first.bytes.length).toBe(0);
    const second = await p.send(48, data, { seq: 0x44, waitMs: 250 });
    expect(second.packets.map((k) => k.seq)).toEqual([0x44, 0x44]);
    expect(p.em.stats).toMatchObject({ executed: 1, replays: 1 });
  });

  it('slow answer with SYN: SYN every 60 ms until the answer', async () => {
    const p = make('x');
    p.em.injectWireFault({ kind: 'slow', cmd: 74, delay_ms: 200, syn: true });
    const r = await p.send(74, '', { waitMs: 300 });
    expect(r.syns).toBeGreaterThanOrEqual(2);
    expect(r.packets).toHaveLength(1);
  });

  it('noise: garbage bytes before the answer, the answer itself intact', async () => {
    const p = make('x');
    p.em.injectWireFault({ kind: 'noise', cmd: 74, bytes: 12 });
    const r = await p.send(74);
    expect(r.bytes.length).toBeGreaterThan(12 + 16);
    expect(r.packets).toHaveLength(1);
  });
});

describe('power cuts over TCP and through the control port', () => {
  it('TCP: the socket drops and connections are refused while off; the control port arms power_cut and power-cut', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-dt-power-'));
    const em = await startDatecsEmulator({ protocol: 'x', stateDir: dir, controlPort: 0 });
    cleanups.push(async () => {
      await em.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const port = em.controlPort ?? 0;
    const bad = await controlRequest(port, 'fault {"kind":"power_cut","duration":5}');
    expect(bad).toMatchObject({ ok: false, error: 'fault.duration: unknown field' });
    expect((await controlRequest(port, 'fault {"kind":"power_cut","cmd":"56"}')).error).toMatch(/fault\.cmd/);
    expect((await controlRequest(port, 'power-cut soon')).error).toMatch(/power-cut/);
    expect((await controlRequest(port, 'replay-memory keep')).ok).toBe(true);
    expect(em.emulator.keepReplayMemory).toBe(true);

    const socket = net.connect({ port: em.tcp?.port ?? 0, host: '127.0.0.1' });
    await new Promise((r) => socket.once('connect', r));
    const closed = new Promise((r) => socket.once('close', r));
    expect((await controlRequest(port, 'power-cut 300')).ok).toBe(true);
    await closed;
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect({ port: em.tcp?.port ?? 0, host: '127.0.0.1' });
      s.once('close', () => resolve(true));
      s.once('data', () => resolve(false));
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    const stats = (await controlRequest(port, 'stats')).result as { powerCuts: number; powered_off: boolean; keep_replay_memory: boolean };
    expect(stats).toMatchObject({ powerCuts: 1, powered_off: true, keep_replay_memory: true });
    expect((await controlRequest(port, 'fault {"kind":"power_cut","cmd":56,"execute":true,"duration_ms":100}')).ok).toBe(true);
    expect(em.emulator.faults.pending).toBe(1);
  });
});
