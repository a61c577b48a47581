/**
 * The emulator checks command syntax as Romanian firmware does, byte by byte (X manual v2.02, FP manual v1.00BG,
 * datecs-protocol.md §3.3, §5, §13): what is refused answers with the documented error and changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { splitClassic } from '../../../src-main/protocols/datecs/params.js';
import { decodeStatus } from '../../../src-main/protocols/datecs/status.js';
import { probe, type Probe } from './emulator-probe.js';

const open: Probe[] = [];
const make = (framing: 'x' | 'classic', o: { keepReplayMemory?: boolean } = {}) => {
  const p = probe(framing, o);
  open.push(p);
  return p;
};
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});
const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const journalSize = (p: Probe) => p.register.readJournal({ range: { type: 'z_number', start: 1, end: 1_000_000 }, doc_type: 'all' }).length;

describe('X command 48 (open fiscal receipt), Romanian syntax', () => {
  it('accepts the RO form byte for byte (golden vector of datecs-protocol.md §3.6) and answers SlipNumber, nZReport, nFMnumber', async () => {
    const p = make('x');
    // cmd 48, SEQ 0x22, data "1\t0000\t1\t\t\t"
    const bytes = await p.raw(hex('01 30 30 33 35 22 30 30 33 30 31 09 30 30 30 30 09 31 09 09 09 05 30 33 30 31 03'));
    // Reply: 01 LEN(4) SEQ CMD(4) "0\t1\t1\t0\t" 04 STATUS(8) 05 BCC(4) 03; LEN = 8 data bytes + 0x33 = 0x3B.
    const body = Buffer.concat([hex('30 30 33 3B 22 30 30 33 30'), Buffer.from('0\t1\t1\t0\t'), hex('04 80 80 88 80 86 9A 80 80 05')]);
    const sum = [...body].reduce((a, b) => a + b, 0);
    const bcc = Buffer.from([12, 8, 4, 0].map((sh) => 0x30 + ((sum >> sh) & 0xf)));
    expect(bytes).toEqual(Buffer.concat([hex('01'), body, bcc, hex('03')]));
    expect(p.register.status().receipt).toBe('fiscal');
  });

  it('refuses the 5-field Bulgarian form (NSale in the till position) with -112001 and opens nothing', async () => {
    const p = make('x');
    const r = await p.x(48, [1, '0000', 'DT000000-0000-0000001', 1, '']);
    expect(r.code).toBe(-112001);
    expect(r.flags.syntax_error && r.flags.general_error).toBe(true);
    expect(p.register.status().receipt).toBe('none');
    const six = await p.x(48, [1, '0000', 1, '', '', 'DT000000-0000-0000001']);
    expect(six.code).toBe(-112001);
  });

  it('till number 1–99999, invoice "I" or empty, operator 1–30, password 1–8 digits; the minimal RO form works', async () => {
    const p = make('x');
    expect((await p.x(48, [1, '0000', 0, '', ''])).code).toBe(-112203);
    expect((await p.x(48, [1, '0000', 100000, '', ''])).code).toBe(-112203);
    expect((await p.x(48, [1, '0000', 'x', '', ''])).code).toBe(-112203);
    expect((await p.x(48, [1, '0000', 1, 'F', ''])).code).toBe(-112204);
    expect((await p.x(48, [31, '0000', 1, '', ''])).code).toBe(-112201);
    expect((await p.x(48, [1, '', 1, '', ''])).code).toBe(-112202);
    expect((await p.x(48, [1, '0000'])).code).toBe(-112103);
    expect(p.register.status().receipt).toBe('none');
    expect((await p.x(48, [1, '0000', 99999])).code).toBe(0);
    expect(p.register.status().receipt).toBe('fiscal');
  });

  it('a parameter without its trailing TAB is a syntax error (-112001)', async () => {
    const p = make('x');
    const r = await p.send(48, '1\t0000\t1');
    const reply = r.packets[0];
    expect(reply?.data.toString('latin1')).toBe('-112001\t');
    expect(decodeStatus('x', reply?.status ?? Buffer.alloc(8)).syntax_error).toBe(true);
    expect(p.register.status().receipt).toBe('none');
  });
});

describe('X command 53 (payment) requires its TAB-separated fields', () => {
  const ready = async () => {
    const p = make('x');
    await p.x(48, [1, '0000', 1, '', '']);
    await p.x(49, ['Pâine', 1, '5.00', '1.000', 0, '', 0, '']);
    return p;
  };

  it('refuses a payment with the Amount field (and its TAB) missing, or with stray fields', async () => {
    const p = await ready();
    expect((await p.x(53, [0])).code).toBe(-112102);
    expect((await p.send(53, '0')).packets[0]?.data.toString('latin1')).toBe('-112001\t');
    expect((await p.send(53, '0,5.00,')).packets[0]?.data.toString('latin1')).toBe('-112001\t');
    expect((await p.x(53, [0, '5.00', '', ''])).code).toBe(-112001);
    expect((await p.x(53, [9, '5.00'])).code).toBe(-112201);
    expect(p.register.status().payment_started).toBe(false);
  });

  it('accepts PaidMode + Amount, an empty Amount (the rest), and the all-empty "pay everything in cash" form', async () => {
    const p = await ready();
    const part = await p.x(53, [0, '2.00']);
    expect([part.code, ...part.fields]).toEqual([0, 'D', '3.00']);
    const rest = await p.send(53, '\t\t\t');
    expect(rest.packets[0]?.data.toString('latin1')).toBe('0\tR\t0.00\t');
    expect((await p.x(56)).code).toBe(0);
  });
});

describe('X command 70 (cash in/out)', () => {
  it('amount 0 reads the drawer and prints nothing; the type is still required', async () => {
    const p = make('x');
    expect((await p.x(70, [0, '12.00'])).code).toBe(0);
    const docs = journalSize(p);
    const read = await p.x(70, [0, '0']);
    expect([read.code, ...read.fields]).toEqual([0, '12.00', '12.00', '0.00']);
    expect([(await p.x(70, [1, '0.00'])).code, (await p.x(70, [0, ''])).code]).toEqual([0, 0]);
    expect(journalSize(p)).toBe(docs);
    expect((await p.x(70, [5, '0'])).code).toBe(-112201);
    const none = await p.x(70, []); // empty DATA: the mandatory Type is missing
    expect([none.code, none.flags.syntax_error]).toEqual([-112101, true]);
  });
});

describe('X commands 61/62: summer time', () => {
  it('keeps " DST" from command 61 and reports it in 62; without it, 62 has none; the flag survives a restart', async () => {
    const p = make('x');
    expect((await p.x(61, ['01-07-30 08:00:00 DST'])).code).toBe(0);
    const dt = await p.x(62);
    expect(dt.fields[0]).toMatch(/^01-07-30 08:00:\d\d DST$/);
    const again = p.restart();
    open.push(again);
    expect((await again.x(62)).fields[0]).toMatch(/ DST$/);
    expect((await again.x(61, ['01-11-30 08:00:00'])).code).toBe(0);
    expect((await again.x(62)).fields[0]).toMatch(/^01-11-30 08:00:\d\d$/);
  });

  it('refuses a malformed date-time (4-digit year, no seconds, lower-case dst) with -112201', async () => {
    const p = make('x');
    for (const bad of ['01-07-2030 08:00:00', '01-07-30 08:00', '01-07-30 08:00:00 dst']) expect((await p.x(61, [bad])).code).toBe(-112201);
  });

  it('classic 0x3D takes DD-MM-YY HH:MM[:SS] only: a DST suffix is a syntax error', async () => {
    const p = make('classic');
    const r = await p.send(0x3d, '01-07-30 08:00:00 DST');
    expect(decodeStatus('classic', r.packets[0]?.status ?? Buffer.alloc(6)).syntax_error).toBe(true);
    const ok = await p.send(0x3d, '01-07-30 08:00');
    expect(decodeStatus('classic', ok.packets[0]?.status ?? Buffer.alloc(6)).general_error).toBe(false);
  });
});

describe('command 86: date of the last fiscal memory record', () => {
  it('X: DD-MM-YYYY hh:mm:ss of the fiscalization, then of the last Z report', async () => {
    const p = make('x');
    const first = await p.x(86);
    expect(first.code).toBe(0);
    expect(first.fields[0]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    p.register.advanceClock(3 * 24 * 3600_000);
    await p.x(69, ['Z']);
    const z = p.register.readJournal({ range: { type: 'z_number', start: 1, end: 1 }, doc_type: 'z_reports' })[0];
    const iso = z?.datetime ?? '';
    expect((await p.x(86)).fields[0]).toBe(`${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 19)}`);
  });

  it('classic 0x56: DD-MM-YYYY, with "T" also the time', async () => {
    const p = make('classic');
    const d = await p.send(0x56);
    expect(d.packets[0]?.data.toString('latin1')).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    const t = await p.send(0x56, 'T');
    expect(t.packets[0]?.data.toString('latin1')).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
  });
});

describe('command 90: the country code follows the firmware revision', () => {
  it('X syntax 1: FwRev "1.00RO", FwDate, FwTime as separate fields', async () => {
    const p = make('x');
    const r = await p.x(90);
    expect(r.fields.slice(0, 4)).toEqual(['DP-25MX', '1.00RO', '14Feb25', '1000']);
  });

  it('X syntax 2 (bare parameter, no TAB): one comma-separated answer "Name,1.00RO 14Feb25 1000,…"', async () => {
    const p = make('x');
    const r = await p.send(90, '1');
    const text = r.packets[0]?.data.toString('latin1') ?? '';
    expect(text.split(',').slice(0, 2)).toEqual(['DP-25MX', '1.00RO 14Feb25 1000']);
    expect(text.split(',')).toHaveLength(6);
  });

  it('classic 0x5A: "<FwRev><Country> <FwDate> <FwTime>"', async () => {
    const p = make('classic');
    const r = await p.send(0x5a);
    expect(splitClassic(r.packets[0]?.data ?? Buffer.alloc(0)).slice(0, 2)).toEqual(['FP-2000', '1.00RO 14Feb25 1000']);
  });
});

describe('classic SEQ range', () => {
  it('a SEQ outside 0x20–0x7F gets NAK and is not executed; 0x7F is served', async () => {
    const p = make('classic');
    const refused = await p.send(0x30, '1,0000,1', { seq: 0x80 });
    expect(refused.bytes).toEqual(Buffer.from([0x15]));
    expect(p.register.status().receipt).toBe('none');
    expect(p.em.stats.badSeq).toBe(1);
    const served = await p.send(0x30, '1,0000,1', { seq: 0x7f });
    expect(served.packets).toHaveLength(1);
    expect(p.register.status().receipt).toBe('fiscal');
  });

  it('X accepts SEQ up to 0xFF (X manual: 20H–FFH)', async () => {
    const p = make('x');
    expect((await p.x(74, [], 0xff)).answer.packets[0]?.seq).toBe(0xff);
  });
});

describe('cancel (60 / 0x3C) only before the first payment', () => {
  it('X: a paid receipt can no longer be cancelled (-111018); it stays open and can be closed', async () => {
    const p = make('x');
    await p.x(48, [1, '0000', 1, '', '']);
    await p.x(49, ['Pâine', 1, '5.00', '1.000', 0, '', 0, '']);
    expect((await p.x(53, [0, '2.00'])).code).toBe(0);
    const refused = await p.x(60);
    expect([refused.code, refused.flags.command_not_permitted]).toEqual([-111018, true]);
    expect(p.register.status().receipt).toBe('fiscal');
    await p.x(53, [0, '']);
    expect((await p.x(56)).code).toBe(0);
  });

  it('classic: refused with the status bits and -150407 in 0x20; before payment it cancels', async () => {
    const p = make('classic');
    await p.send(0x30, '1,0000,1');
    await p.send(0x31, 'Lapte\tA3.00');
    expect((await p.send(0x3c)).packets[0]?.status?.[1]).toBe(0x80); // before payment: cancelled, no error bit
    expect(p.register.status().receipt).toBe('none');
    await p.send(0x30, '1,0000,1');
    await p.send(0x31, 'Lapte\tA3.00');
    await p.send(0x35, '\t');
    const refused = await p.send(0x3c);
    expect(decodeStatus('classic', refused.packets[0]?.status ?? Buffer.alloc(6)).command_not_permitted).toBe(true);
    expect(splitClassic((await p.send(0x20)).packets[0]?.data ?? Buffer.alloc(0)).slice(0, 2)).toEqual(['60', '-150407']);
    expect(p.register.status().receipt).toBe('fiscal');
  });
});
