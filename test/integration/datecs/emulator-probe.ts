/**
 * Byte-level probe of the Datecs wire emulator: a host end attached straight to the emulator (an in-memory Duplex,
 * no socket), sending raw frames and reading back exactly what the emulator wrote. Power cuts and disconnects
 * are recorded from the link hooks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { encodePacket, type Framing, type Packet } from '../../../src-main/protocols/datecs/frame.js';
import { joinX, parseXReply } from '../../../src-main/protocols/datecs/params.js';
import { FrameScanner } from '../../../src-main/protocols/datecs/scanner.js';
import { decodeStatus, type StatusFlags } from '../../../src-main/protocols/datecs/status.js';
import { DatecsWireEmulator } from '../../../src-main/emulators/datecs/wire-emulator.js';
import { VirtualRegister } from '../../../src-main/emulators/virtual-register/virtual-register.js';

class HostEnd extends Duplex {
  received: Buffer = Buffer.alloc(0);
  override _read(): void {}
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.received = Buffer.concat([this.received, chunk]);
    cb();
  }
}

export interface Probe {
  em: DatecsWireEmulator;
  register: VirtualRegister;
  dir: string;
  /** Disconnect/power-cut durations the emulator asked the link for. */
  drops: number[];
  /** Send raw bytes; wait `ms`; return every byte the emulator wrote since. */
  raw(bytes: Buffer, ms?: number): Promise<Buffer>;
  /** Send a request frame (SEQ advances unless `seq` is given); return the decoded answer packets and other bytes. */
  send(cmd: number, data?: Buffer | string, opts?: { seq?: number; waitMs?: number }): Promise<Answer>;
  /** X: send TAB-joined params and return ErrorCode + fields of the (single) answer. */
  x(cmd: number, params?: Array<string | number>, seq?: number): Promise<{ code: number | null; fields: string[]; flags: StatusFlags; answer: Answer }>;
  /** The same register and state dir, a new emulator (a restart of the emulator process). */
  restart(opts?: { keepReplayMemory?: boolean }): Probe;
  close(): void;
}

export interface Answer {
  bytes: Buffer;
  packets: Packet[];
  naks: number;
  syns: number;
  bad: number;
}

export function probe(framing: Framing, opts: { keepReplayMemory?: boolean; dir?: string } = {}): Probe {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'fiscool-dt-probe-'));
  const register = new VirtualRegister({
    stateDir: dir,
    identity: { model: framing === 'x' ? 'DP-25MX' : 'FP-2000', firmware: '1.00 14Feb25 1000' },
  });
  const em = new DatecsWireEmulator({ register, framing, stateDir: dir, ...(opts.keepReplayMemory !== undefined ? { keepReplayMemory: opts.keepReplayMemory } : {}) });
  const host = new HostEnd();
  const drops: number[] = [];
  const detach = em.attach(host, { disconnect: (ms) => drops.push(ms) });
  let seq = 0x20;
  const raw = async (bytes: Buffer, ms = 30): Promise<Buffer> => {
    const from = host.received.length;
    host.push(bytes);
    await new Promise((r) => setTimeout(r, ms));
    return host.received.subarray(from);
  };
  const send = async (cmd: number, data: Buffer | string = Buffer.alloc(0), o: { seq?: number; waitMs?: number } = {}): Promise<Answer> => {
    const s = o.seq ?? seq;
    if (o.seq === undefined) seq = seq >= 0x7f ? 0x20 : seq + 1;
    const frame = encodePacket({ framing, seq: s, cmd, data: typeof data === 'string' ? Buffer.from(data, 'latin1') : data });
    const bytes = await raw(frame, o.waitMs ?? 30);
    const scanner = new FrameScanner(framing, 'response');
    const a: Answer = { bytes, packets: [], naks: 0, syns: 0, bad: 0 };
    for (const ev of scanner.push(bytes)) {
      if (ev.type === 'packet') a.packets.push(ev.packet);
      else if (ev.type === 'nak') a.naks++;
      else if (ev.type === 'syn') a.syns++;
      else a.bad++;
    }
    return a;
  };
  const p: Probe = {
    em,
    register,
    dir,
    drops,
    raw,
    send,
    x: async (cmd, params = [], s) => {
      const answer = await send(cmd, params.length ? joinX(params) : Buffer.alloc(0), s === undefined ? {} : { seq: s });
      const pk = answer.packets[0];
      const r = pk ? parseXReply(pk.data) : { errorCode: null, fields: [] };
      return { code: r.errorCode, fields: r.fields, flags: decodeStatus('x', pk?.status ?? Buffer.alloc(8, 0x80)), answer };
    },
    restart: (o = {}) => {
      detach();
      return probe(framing, { dir, ...o });
    },
    close: () => {
      detach();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return p;
}
