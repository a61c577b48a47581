import { describe, expect, it } from 'vitest';
import { decodePacket, encodePacket, FrameError, nextSeq, type Framing } from '../../../src-main/protocols/datecs/frame.js';
import { FrameScanner } from '../../../src-main/protocols/datecs/scanner.js';
import { decodeText, encodeText, toCommaBelow } from '../../../src-main/protocols/datecs/text.js';
import { decodeStatus, encodeStatus, IDLE_FLAGS, activeFlags } from '../../../src-main/protocols/datecs/status.js';
import { errorFromStatus, mapDatecsErrorCode } from '../../../src-main/protocols/datecs/errors.js';
import { joinClassic, splitClassic, splitX, joinX } from '../../../src-main/protocols/datecs/params.js';

/** Deterministic pseudo-random generator (xorshift32). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

describe('Datecs codec: round-trips', () => {
  for (const framing of ['x', 'classic'] as Framing[]) {
    it(`${framing}: random requests and responses decode to what was encoded`, () => {
      const r = rng(framing === 'x' ? 7 : 11);
      for (let n = 0; n < 300; n++) {
        const len = Math.floor(r() * 120);
        const data = Buffer.from(Array.from({ length: len }, () => Math.floor(r() * 256)));
        const seq = 0x20 + Math.floor(r() * 0x60);
        const cmd = framing === 'x' ? Math.floor(r() * 300) : 0x20 + Math.floor(r() * 0xdf);
        const status = r() < 0.5 ? encodeStatus(framing, { fiscal_open: r() < 0.5, paper_out: r() < 0.3, ...IDLE_FLAGS }) : undefined;
        let frame: Buffer;
        try {
          frame = encodePacket(status ? { framing, seq, cmd, data, status } : { framing, seq, cmd, data });
        } catch (e) {
          // Escaping can push a long classic packet past its 1-byte LEN; that is the only allowed refusal.
          expect(e).toBeInstanceOf(FrameError);
          continue;
        }
        const d = decodePacket(frame, framing, status ? 'response' : 'request');
        expect(d.ok).toBe(true);
        if (!d.ok) continue;
        expect(d.packet.data.equals(data)).toBe(true);
        expect(d.packet.cmd).toBe(cmd);
        expect(d.packet.seq).toBe(seq);
      }
    });

    it(`${framing}: the scanner resyncs after garbage, drops bad-BCC packets and reports SYN/NAK`, () => {
      const good1 = encodePacket({ framing, seq: 0x21, cmd: 0x30, data: Buffer.from('1,2', 'latin1'), status: encodeStatus(framing, IDLE_FLAGS) });
      const good2 = encodePacket({ framing, seq: 0x22, cmd: 0x31, data: Buffer.from('abc', 'latin1'), status: encodeStatus(framing, IDLE_FLAGS) });
      const corrupt = Buffer.from(good1);
      corrupt[corrupt.length - 8] = (corrupt[corrupt.length - 8] ?? 0) ^ 0x01; // flip a status bit → bad BCC
      const truncated = good2.subarray(0, 9);
      const stream = Buffer.concat([Buffer.from([0x00, 0x16, 0x16]), truncated, corrupt, Buffer.from([0x15, 0x42]), good1, Buffer.from([0x16]), good2]);
      for (let cut = 0; cut <= stream.length; cut++) {
        const s = new FrameScanner(framing, 'response');
        const ev = [...s.push(stream.subarray(0, cut)), ...s.push(stream.subarray(cut))];
        expect(ev.map((e) => e.type)).toEqual(['syn', 'syn', 'bad', 'bad', 'nak', 'packet', 'syn', 'packet']);
        const seqs = ev.flatMap((e) => (e.type === 'packet' ? [e.packet.seq] : []));
        expect(seqs).toEqual([0x21, 0x22]);
      }
    });
  }

  it('SEQ runs 0x20..0x7F and wraps', () => {
    expect(nextSeq(0x20)).toBe(0x21);
    expect(nextSeq(0x7f)).toBe(0x20);
  });

  it('rejects data longer than the limit', () => {
    expect(() => encodePacket({ framing: 'x', seq: 0x20, cmd: 1, data: Buffer.alloc(214, 0x41) })).toThrow(FrameError);
  });
});

describe('Datecs codec: Romanian text in Windows-1250', () => {
  it('maps comma-below ș ț Ș Ț to the cedilla bytes 0xBA 0xFE 0xAA 0xDE', () => {
    expect(encodeText('șțȘȚ').toString('hex')).toBe('bafeaade');
    expect(encodeText('ăâîĂÂÎ').toString('hex')).toBe('e3e2eec3c2ce');
  });
  it('decodes to cedilla forms and toCommaBelow restores correct Romanian', () => {
    const s = 'Pâine și țuică ĂÂÎȘȚ';
    const back = decodeText(encodeText(s));
    expect(back).toBe('Pâine şi ţuică ĂÂÎŞŢ');
    expect(toCommaBelow(back)).toBe(s);
  });
  it('strips diacritics 1250 cannot hold and blanks control characters', () => {
    expect(decodeText(encodeText('Ñandú\x01€'))).toBe('Nandú €');
    expect(decodeText(encodeText('日'))).toBe('?');
  });
  it('params: X fields never contain a TAB from user text; classic keeps TAB/LF separators', () => {
    expect(splitX(joinX(['a\tb', 'ș']))).toEqual(['a b', 'ş']);
    expect(joinClassic(['Paine\tA1.50', '2']).toString('latin1')).toBe('Paine\tA1.50,2');
    expect(splitClassic(Buffer.from('P,12,3', 'latin1'))).toEqual(['P', '12', '3']);
  });
});

describe('Datecs codec: status bits and error codes', () => {
  it('idle fiscalized X status is 80 80 80 80 86 9A 80 80; open receipt sets 2.3', () => {
    expect(encodeStatus('x', IDLE_FLAGS).toString('hex')).toBe('808080808' + '69a8080');
    expect(encodeStatus('x', { ...IDLE_FLAGS, fiscal_open: true }).toString('hex')).toBe('80808880869a8080');
  });
  it('decodes the research vector 80808880869a8080 into named flags', () => {
    const f = decodeStatus('x', Buffer.from('80808880869a8080', 'hex'));
    expect(activeFlags(f).sort()).toEqual(['fiscal_open', 'fiscalized', 'fm_formatted', 'serial_set', 'tax_number_set', 'vat_set'].sort());
  });
  it('paper out sets 2.0 and the general error bit 0.5', () => {
    const b = encodeStatus('x', { paper_out: true });
    expect(b[2]).toBe(0x81);
    expect(b[0]).toBe(0xa0);
    const f = decodeStatus('x', b);
    expect(f.general_error && f.paper_out).toBe(true);
    expect(errorFromStatus(f)).toBe('PAPER_OUT');
  });
  it('classic 6-byte status: 80 80 80 80 86 98 is an idle fiscal printer', () => {
    const f = decodeStatus('classic', Buffer.from('808080808698', 'hex'));
    expect(f.fiscalized && f.vat_set && f.serial_set && f.tax_number_set).toBe(true);
    expect(f.fm_formatted).toBe(false);
    expect(errorFromStatus(f)).toBeNull();
    expect(encodeStatus('classic', { cover_open: true }).toString('hex')).toBe('c08080808080');
  });
  it('maps X and classic codes to FisCool error codes', () => {
    expect(mapDatecsErrorCode(-111024)).toBe('Z_REPORT_REQUIRED');
    expect(mapDatecsErrorCode(-150204)).toBe('Z_REPORT_REQUIRED');
    expect(mapDatecsErrorCode(-100403)).toBe('PAPER_OUT');
    expect(mapDatecsErrorCode(-112006)).toBe('PAPER_OUT');
    expect(mapDatecsErrorCode(-100404)).toBe('COVER_OPEN');
    expect(mapDatecsErrorCode(-111015)).toBe('RECEIPT_OPEN');
    expect(mapDatecsErrorCode(-111005)).toBe('VAT_RATE_NOT_PROGRAMMED');
    expect(mapDatecsErrorCode(-111064)).toBe('PAYMENT_INSUFFICIENT');
    expect(mapDatecsErrorCode(-111018)).toBe('DEVICE_REJECTED');
    expect(mapDatecsErrorCode(-100114)).toBe('FISCAL_MEMORY_FULL');
    expect(mapDatecsErrorCode(-112000)).toBe('NOT_SUPPORTED');
    expect(mapDatecsErrorCode(-107500)).toBe('DEVICE_ERROR');
  });
});

describe('FrameScanner over a chunked stream', () => {
  it('turns a byte stream pushed in small chunks into packet / SYN / NAK / bad events', () => {
    const scanner = new FrameScanner('x', 'response');
    const events: string[] = [];
    const good = encodePacket({ framing: 'x', seq: 0x41, cmd: 74, data: Buffer.alloc(0), status: encodeStatus('x', IDLE_FLAGS) });
    const bad = Buffer.from(good);
    bad[bad.length - 2] = 0x3f; // wrong BCC digit
    const stream = Buffer.concat([Buffer.from([0x16]), bad, Buffer.from([0x15]), good]);
    for (let i = 0; i < stream.length; i += 3) {
      for (const e of scanner.push(stream.subarray(i, i + 3))) events.push(e.type === 'packet' ? `packet:${e.packet.seq}` : e.type);
    }
    expect(events).toEqual(['syn', 'bad', 'nak', `packet:${0x41}`]);
  });
});
