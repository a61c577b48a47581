/** The wire emulator's own behaviour, seen from the wire: status bits, error codes, PC mode, 24-hour block,
 * open receipt across a disconnect, wire time at the configured baud, the control port and the CLI over a pty. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeText } from '../../../src-main/protocols/datecs/text.js';
import { joinX, parseXReply, splitClassic } from '../../../src-main/protocols/datecs/params.js';
import { DatecsSession } from '../../../src-main/drivers/datecs/session.js';
import { controlRequest } from '../../../src-main/emulators/datecs/control-channel.js';
import { startDatecsEmulator, type RunningDatecsEmulator } from '../../../src-main/emulators/datecs/start-emulator.js';
import { wireMs } from '../../../src-main/emulators/datecs/timing.js';
import type { TimingProfile } from '../../../src-main/emulators/virtual-register/register-api.js';
import { ReconnectingLink } from '../../../src-main/transports/byte-link.js';
import { openSerial } from '../../../src-main/transports/serial.js';
import { openTcp } from '../../../src-main/transports/tcp.js';
import { openPtyPair } from '../../helpers/pty.js';
import { emulatorCliRefusal, startEmulatorCli } from '../../helpers/emulator-process.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function rig(protocol: 'x' | 'classic', timing: 'zero' | TimingProfile = 'zero', controlPort?: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-dt-wire-'));
  const em: RunningDatecsEmulator = await startDatecsEmulator({
    protocol,
    stateDir: dir,
    timing,
    ...(controlPort !== undefined ? { controlPort } : {}),
  });
  const connect = async () => {
    const link = new ReconnectingLink(() => openTcp({ host: '127.0.0.1', port: em.tcp?.port ?? 0 }), { initialMs: 20 });
    await link.start();
    const session = new DatecsSession(link, { framing: protocol, timeoutMs: 300, maxAttempts: 3 });
    cleanups.push(async () => {
      session.dispose();
      await link.close();
    });
    return { link, session };
  };
  cleanups.push(async () => {
    await em.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { em, connect };
}

const X = (fields: Array<string | number>) => joinX(fields);

describe('Datecs wire emulator', () => {
  it('X: unknown command → empty DATA with status bit 0.1 (and 0.5); syntax → -1122nn with bit 0.0', async () => {
    const { connect } = await rig('x');
    const { session } = await connect();
    const unknown = await session.request(0x7ff);
    expect(unknown.packet.data.length).toBe(0);
    expect(unknown.flags.invalid_command && unknown.flags.general_error).toBe(true);
    const bad = await session.request(49, X(['Pâine', '9', '1.00', '1.000', '0', '', '0', '']));
    expect(parseXReply(bad.packet.data).errorCode).toBe(-112202);
    expect(bad.flags.syntax_error).toBe(true);
    const ok = await session.request(74);
    expect(ok.flags.general_error).toBe(false);
  });

  it('X: RO firmware refuses a BG NSale parameter with -112001; wrong password with -102002', async () => {
    const { connect } = await rig('x');
    const { session } = await connect();
    const nsale = await session.request(48, X([1, '0000', 1, '', '', 'DT000000-0000-0000001']));
    expect(parseXReply(nsale.packet.data).errorCode).toBe(-112001);
    const pwd = await session.request(48, X([1, '9999', 1, '', '']));
    expect(parseXReply(pwd.packet.data).errorCode).toBe(-102002);
  });

  it('X: out of PC mode every command answers -112005', async () => {
    const { em, connect } = await rig('x');
    const { session } = await connect();
    em.emulator.pcMode = false;
    const r = await session.request(48, X([1, '0000', 1, '', '']));
    expect(parseXReply(r.packet.data).errorCode).toBe(-112005);
    em.emulator.pcMode = true;
    expect(parseXReply((await session.request(48, X([1, '0000', 1, '', '']))).packet.data).errorCode).toBe(0);
  });

  it('X: 24-hour block after the first receipt of the period → -111024 until Z', async () => {
    const { em, connect } = await rig('x');
    const { session } = await connect();
    const sale = async () => {
      await session.request(48, X([1, '0000', 1, '', '']));
      await session.request(49, X(['Apă', '1', '3.00', '1.000', '0', '', '0', '']));
      await session.request(53, X([0, '']));
      return session.request(56);
    };
    expect(parseXReply((await sale()).packet.data).errorCode).toBe(0);
    em.register.advanceClock(24 * 3600_000 + 60_000);
    const blocked = await session.request(48, X([1, '0000', 1, '', '']));
    expect(parseXReply(blocked.packet.data).errorCode).toBe(-111024);
    const explained = await session.request(100, X([-111024]));
    expect(parseXReply(explained.packet.data).fields[1]).toMatch(/24h/);
    expect(parseXReply((await session.request(69, X(['Z']))).packet.data).errorCode).toBe(0);
    expect(parseXReply((await sale()).packet.data).errorCode).toBe(0);
  });

  it('keeps an open receipt across a host disconnect; a new connection sees it in the status bits', async () => {
    const { em, connect } = await rig('x');
    const first = await connect();
    await first.session.request(48, X([1, '0000', 1, '', '']));
    await first.session.request(49, X(['Ceai', '1', '5.00', '1.000', '0', '', '0', '']));
    first.session.dispose();
    await first.link.close();
    const second = await connect();
    const st = await second.session.request(76);
    expect(parseXReply(st.packet.data).fields.slice(0, 1)).toEqual(['1']);
    expect(st.flags.fiscal_open).toBe(true);
    expect(em.register.status().open_receipt_items).toBe(1);
  });

  it('classic: errors through status bits and command 0x20 (last error)', async () => {
    const { em, connect } = await rig('classic');
    const { session } = await connect();
    em.register.advanceClock(1000);
    const r = await session.request(0x38); // close with no receipt open
    expect(r.flags.command_not_permitted && r.flags.general_error).toBe(true);
    const last = await session.request(0x20);
    expect(splitClassic(last.packet.data).slice(0, 2)).toEqual(['56', '-150201']);
    const st = await session.request(0x4a);
    expect(st.packet.data.length).toBe(6);
    expect(st.flags.general_error).toBe(false);
  });

  it('models wire time at the configured baud (9600 baud: a 200-byte exchange takes ≥ 200 ms)', async () => {
    const timing: TimingProfile = { baud: 9600, per_line_ms: 0, per_command_ms: 0 };
    const { em, connect } = await rig('x', timing);
    const { session } = await connect();
    const text = 'x'.repeat(150);
    em.emulator.resetStats();
    const t0 = performance.now();
    const r = await session.request(100, encodeText(`${text}\t`));
    const elapsed = performance.now() - t0;
    const bytes = 150 + 1 + 16 + r.packet.data.length + 25;
    expect(em.emulator.stats.modelledMs).toBeGreaterThan(wireMs(bytes - 10, 9600));
    expect(elapsed).toBeGreaterThanOrEqual(em.emulator.stats.modelledMs - 5); // timer granularity on a loaded machine
    expect(elapsed).toBeGreaterThan(200);
  });

  it('control port: faults, journal and counters of a running emulator', async () => {
    const { em, connect } = await rig('x', 'zero', 0);
    const port = em.controlPort ?? 0;
    const { session } = await connect();
    expect((await controlRequest(port, 'fault {"kind":"nak","cmd":74,"count":2}')).ok).toBe(true);
    await session.request(74);
    expect(session.stats.naks).toBe(2);
    expect((await controlRequest(port, 'fault {"kind":"explode"}')).ok).toBe(false);
    expect((await controlRequest(port, 'bogus')).error).toMatch(/unknown command/);
    await controlRequest(port, 'paper-out 1');
    const r = await session.request(48, X([1, '0000', 1, '', '']));
    expect(parseXReply(r.packet.data).errorCode).toBe(-100403);
    expect(r.flags.paper_out).toBe(true);
    await controlRequest(port, 'load-paper');
    expect(parseXReply((await session.request(48, X([1, '0000', 1, '', '']))).packet.data).errorCode).toBe(0);
    const st = (await controlRequest(port, 'status')).result as { status: { receipt: string } };
    expect(st.status.receipt).toBe('fiscal');
    expect(Array.isArray((await controlRequest(port, 'journal')).result)).toBe(true);
  });

  it('CLI: `emulator datecs --serial` on a socat pty answers over serialport', async () => {
    const pty = await openPtyPair();
    cleanups.push(() => pty.close());
    await startEmulatorCli(['datecs', '--protocol', 'classic', '--serial', pty.a, '--timing', 'zero'], (c) =>
      cleanups.push(async () => {
        if (c.exitCode !== null) return;
        const gone = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        await gone;
      }),
    );
    const link = new ReconnectingLink(() => openSerial({ path: pty.b, baudRate: 115_200 }));
    await link.start();
    const session = new DatecsSession(link, { framing: 'classic', timeoutMs: 500, maxAttempts: 3 });
    cleanups.push(async () => {
      session.dispose();
      await link.close();
    });
    const r = await session.request(0x5a);
    expect(splitClassic(r.packet.data)[0]).toBe('FP-2000');
    expect(r.flags.fiscalized).toBe(true);
  });

  it('CLI: refuses bad arguments with a usage message', async () => {
    const { code, stderr: err } = await emulatorCliRefusal(['datecs', '--protocol', 'y', '--tcp', '0']);
    expect(code).toBe(2);
    expect(err).toMatch(/--protocol must be x or classic/);
  });
});

describe('Datecs wire emulator at a low baud rate', () => {
  it('a long answer at 1200 baud trickles in: a host with a short reply timeout never resends', async () => {
    const { em, connect } = await rig('x', { baud: 1200, per_line_ms: 0, per_command_ms: 0 });
    const { session } = await connect(); // reply timeout 300 ms
    em.emulator.resetStats();
    const r = await session.request(90); // ~70-byte answer: ≈ 580 ms on the wire at 1200 baud
    expect(parseXReply(r.packet.data).fields[0]).toBe('DP-25MX');
    expect(em.emulator.stats.modelledMs).toBeGreaterThan(450);
    expect(session.stats.resends).toBe(0);
    expect(em.emulator.stats.requests).toBe(1);
  });
});
