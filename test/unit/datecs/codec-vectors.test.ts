import { describe, expect, it } from 'vitest';
import { decodePacket, encodePacket, type Framing, type Packet } from '../../../src-main/protocols/datecs/frame.js';
import { byteSum16, decodeNibbles, encodeNibbles, escapeData, unescapeData } from '../../../src-main/protocols/datecs/bytes.js';
import { buildXReply, joinX, parseXReply } from '../../../src-main/protocols/datecs/params.js';
import { FrameScanner } from '../../../src-main/protocols/datecs/scanner.js';

const h = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

interface Vector {
  name: string;
  framing: Framing;
  packet: Packet;
  bytes: Buffer;
}

// Every byte-exact vector of datecs-protocol.md §3.6 and §4.2.
const VECTORS: Vector[] = [
  {
    name: 'X cmd 74, SEQ 0x20',
    framing: 'x',
    packet: { framing: 'x', seq: 0x20, cmd: 74, data: Buffer.alloc(0) },
    bytes: h('01 30 30 32 3A 20 30 30 34 3A 05 30 31 3B 3F 03'),
  },
  {
    name: 'X cmd 90, SEQ 0x21',
    framing: 'x',
    packet: { framing: 'x', seq: 0x21, cmd: 90, data: Buffer.alloc(0) },
    bytes: h('01 30 30 32 3A 21 30 30 35 3A 05 30 31 3C 31 03'),
  },
  {
    name: 'X cmd 42 non-fiscal text, SEQ 0x26',
    framing: 'x',
    packet: { framing: 'x', seq: 0x26, cmd: 42, data: Buffer.from('CAPTURE TEST 2\t0\t0\t0\t0\t0\t', 'latin1') },
    bytes: h('01 30 30 34 33 26 30 30 32 3A 43 41 50 54 55 52 45 20 54 45 53 54 20 32 09 30 09 30 09 30 09 30 09 30 09 05 30 36 3A 3A 03'),
  },
  {
    name: 'X cmd 48 open, SEQ 0x22',
    framing: 'x',
    packet: { framing: 'x', seq: 0x22, cmd: 48, data: Buffer.from('1\t0000\t1\t\t\t', 'latin1') },
    bytes: h('01 30 30 33 35 22 30 30 33 30 31 09 30 30 30 30 09 31 09 09 09 05 30 33 30 31 03'),
  },
  {
    name: 'X reply to cmd 48',
    framing: 'x',
    packet: { framing: 'x', seq: 0x22, cmd: 48, data: Buffer.from('0\t15\t', 'latin1'), status: h('80 80 88 80 86 9A 80 80') },
    bytes: h('01 30 30 33 38 22 30 30 33 30 30 09 31 35 09 04 80 80 88 80 86 9A 80 80 05 30 36 38 39 03'),
  },
  {
    name: 'classic 0x4A status, SEQ 0x20',
    framing: 'classic',
    packet: { framing: 'classic', seq: 0x20, cmd: 0x4a, data: Buffer.alloc(0) },
    bytes: h('01 24 20 4A 05 30 30 39 33 03'),
  },
  {
    name: 'classic 0x30 open, SEQ 0x21',
    framing: 'classic',
    packet: { framing: 'classic', seq: 0x21, cmd: 0x30, data: Buffer.from('1,0000,1', 'latin1') },
    bytes: h('01 2C 21 30 31 2C 30 30 30 30 2C 31 05 30 31 3F 3C 03'),
  },
  {
    name: 'classic 0x31 sale, SEQ 0x22',
    framing: 'classic',
    packet: { framing: 'classic', seq: 0x22, cmd: 0x31, data: Buffer.from('Paine\tA1.50*2', 'latin1') },
    bytes: h('01 31 22 31 50 61 69 6E 65 09 41 31 2E 35 30 2A 32 05 30 33 3E 30 03'),
  },
  {
    name: 'classic reply to 0x4A',
    framing: 'classic',
    packet: { framing: 'classic', seq: 0x20, cmd: 0x4a, data: Buffer.alloc(0), status: h('80 80 80 80 86 98') },
    bytes: h('01 2B 20 4A 04 80 80 80 80 86 98 05 30 33 3B 3C 03'),
  },
];

describe('Datecs codec: byte-exact vectors', () => {
  for (const v of VECTORS) {
    const dir = v.packet.status ? 'response' : 'request';
    it(`encodes ${v.name}`, () => {
      expect(encodePacket(v.packet).toString('hex')).toBe(v.bytes.toString('hex'));
    });
    it(`decodes ${v.name}`, () => {
      const r = decodePacket(v.bytes, v.framing, dir);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.packet.seq).toBe(v.packet.seq);
      expect(r.packet.cmd).toBe(v.packet.cmd);
      expect(r.packet.data.toString('hex')).toBe(v.packet.data.toString('hex'));
      expect(r.packet.status?.toString('hex')).toBe(v.packet.status?.toString('hex'));
    });
    it(`scans ${v.name} split at every chunk boundary`, () => {
      for (let cut = 0; cut <= v.bytes.length; cut++) {
        for (let cut2 = cut; cut2 <= v.bytes.length; cut2 += 3) {
          const s = new FrameScanner(v.framing, dir);
          const events = [
            ...s.push(v.bytes.subarray(0, cut)),
            ...s.push(v.bytes.subarray(cut, cut2)),
            ...s.push(v.bytes.subarray(cut2)),
          ];
          expect(events.map((e) => e.type)).toEqual(['packet']);
          const e = events[0];
          if (e?.type === 'packet') expect(e.raw.toString('hex')).toBe(v.bytes.toString('hex'));
          expect(s.pending).toBe(0);
        }
      }
    });
  }

  it('BCC worked example: sum 0x01BF → 30 31 3B 3F', () => {
    const body = h('30 30 32 3A 20 30 30 34 3A 05');
    expect(byteSum16(body)).toBe(0x01bf);
    expect(encodeNibbles(0x01bf, 4).toString('hex')).toBe('30313b3f');
    expect(encodeNibbles(0x1ae3, 4).toString('hex')).toBe('313a3e33');
    expect(decodeNibbles(h('31 3A 3E 33'))).toBe(0x1ae3);
    expect(decodeNibbles(Buffer.from('1ae3', 'latin1'))).toBeNull();
  });

  it('encodes command numbers above 0xFF in X (255 → 30 30 3F 3F)', () => {
    const f = encodePacket({ framing: 'x', seq: 0x20, cmd: 255, data: Buffer.alloc(0) });
    expect(f.subarray(6, 10).toString('hex')).toBe('30303f3f');
  });

  it('escapes control bytes as 0x10, byte+0x40 and restores them', () => {
    const raw = Buffer.from([0x41, 0x01, 0x09, 0x0a, 0x1b, 0x42]);
    const x = escapeData(raw, false);
    expect(x.toString('hex')).toBe('411041' + '09' + '104a' + '105b' + '42');
    const c = escapeData(raw, true);
    expect(c.toString('hex')).toBe('411041' + '09' + '0a' + '105b' + '42');
    expect(unescapeData(x).toString('hex')).toBe(raw.toString('hex'));
    const p = encodePacket({ framing: 'x', seq: 0x30, cmd: 42, data: raw });
    const d = decodePacket(p, 'x', 'request');
    expect(d.ok && d.packet.data.toString('hex')).toBe(raw.toString('hex'));
  });

  it('X params: trailing TAB after every parameter, ErrorCode first in replies', () => {
    expect(joinX([1, '0000', 1, '', '']).toString('latin1')).toBe('1\t0000\t1\t\t\t');
    expect(parseXReply(buildXReply(0, [15, 3]))).toEqual({ errorCode: 0, fields: ['15', '3'] });
    expect(parseXReply(buildXReply(-111024))).toEqual({ errorCode: -111024, fields: [] });
    expect(parseXReply(Buffer.alloc(0))).toEqual({ errorCode: null, fields: [] });
    expect(parseXReply(Buffer.from('0\t\t5\t', 'latin1')).fields).toEqual(['', '5']);
  });
});
