/**
 * The pure parsers under fuzz: each target has a corpus (seed inputs from the repository's own fixtures and seeds),
 * a generator of structured inputs, the format's tokens for the mutator, and `exec`, which must never throw
 * anything but the parser's own documented error type (anything else is a crash).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBodyText } from '../../src-main/doors/compat-shared/body.js';
import { LenientJsonError, parseLenientJson, reservedKeyPath } from '../../src-main/doors/compat-shared/lenient-json.js';
import { toCents, toThousandths } from '../../src-main/doors/compat-shared/decimal.js';
import { parseXmlBody, XmlBodyError } from '../../src-main/doors/compat-shared/xml.js';
import { parseInp } from '../../src-main/doors/inbox/parser/parse-inp.js';
import { codeBlocks, seedText } from '../../test/integration/compat/seed-examples.js';
import * as codec from './datecs-codec.js';
import { randomInp, randomJson, randomXml } from './generators.js';
import type { Rng } from './rng.js';

export interface PureTarget {
  name: string;
  corpus(): Uint8Array[];
  generate(rng: Rng): Uint8Array;
  tokens: readonly string[];
  /** Run the parser on one input; throws only on a real crash. */
  exec(input: Uint8Array): void;
}

const ROOT = join(import.meta.dirname, '..', '..');
const enc = new TextEncoder();
const dec = new TextDecoder();

/** Field names of the compatible protocols (both doors), for structured JSON and XML. */
export const COMPAT_KEYS = [
  'items', 'text', 'quantity', 'unitPrice', 'taxGroup', 'priceModifierValue', 'priceModifierType', 'department', 'payments', 'amount', 'paymentType',
  'uniqueSaleNumber', 'operator', 'operatorPassword', 'receiptNumber', 'receiptDateTime', 'fiscalMemorySerialNumber', 'reason', 'deviceDateTime',
  'Rows', 'ItemName', 'Price', 'Quantity', 'TaxGroup', 'Discount', 'Amount', 'PaymentType', 'Payments', 'ReceiptType', 'IsClear', 'ReportType',
  'FromDate', 'ToDate', 'DeviceDateTime', 'AdjustTolerance', 'IsOpen', 'Operator', 'Code', 'Password', 'Invoice', 'UniqueSaleNo', 'TaxNo',
  'IncludeTaxes', 'IncludePaymentNames', 'IncludeAll', 'Duplicate', 'Reversal', 'ReceiptNo', 'ReceiptDateTime', 'FiscalMemoryNo', '__proto__', 'constructor',
];

function jsonCorpus(): Uint8Array[] {
  const out: string[] = [];
  for (const seed of ['001', '002', '003'] as const)
    for (const b of codeBlocks(seedText(seed))) if (/^\s*[[{]/.test(b.text)) out.push(b.text);
  return out.map((t) => enc.encode(t));
}

function inpCorpus(): Uint8Array[] {
  const dir = join(ROOT, 'test', 'fixtures', 'inp');
  return readdirSync(dir).map((f) => new Uint8Array(readFileSync(join(dir, f))));
}

/** Valid Datecs frames of both framings and directions, as the fuzzer's seeds. */
function datecsCorpus(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const framing of ['x', 'classic'] as const) {
    const status = codec.encodeStatus(framing, { paper_near_end: true, fiscal_open: true });
    for (const [cmd, data] of [
      [framing === 'x' ? 74 : 0x4a, Buffer.alloc(0)],
      [framing === 'x' ? 49 : 0x31, Buffer.from('Paine\t1\t4.20\t1.000\t0\t\t0\t', 'latin1')],
      [framing === 'x' ? 62 : 0x3e, Buffer.from('22-11-26 14:05:09', 'latin1')],
      [0x35, codec.buildXReply(0, ['1', '420', '0.00'])],
      [0x2c, codec.buildXReply(-111024, [])],
    ] as const) {
      out.push(codec.encodePacket({ framing, seq: 0x20 + out.length, cmd, data: Buffer.from(data) }));
      out.push(codec.encodePacket({ framing, seq: 0x21 + out.length, cmd, data: Buffer.from(data), status }));
    }
  }
  out.push(Uint8Array.from([0x16, 0x16, 0x15]));
  return out;
}

function guard(e: unknown, ...allowed: Array<new (...a: never[]) => Error>): void {
  if (!allowed.some((t) => e instanceof t)) throw e;
}

export const PURE_TARGETS: PureTarget[] = [
  {
    name: 'datecs-codec',
    corpus: datecsCorpus,
    tokens: ['\x01', '\x03', '\x04', '\x05', '\x10', '\x15', '\x16', '\t', ',', '\x01\x20\x20\x20', '-111024\t', '0\t'],
    generate: (rng) => {
      const c = datecsCorpus();
      return Buffer.concat(Array.from({ length: 1 + rng.int(4) }, () => rng.pick(c)));
    },
    exec(input) {
      for (const framing of ['x', 'classic'] as const) {
        for (const direction of ['response', 'request'] as const) {
          codec.decodePacket(input, framing, direction);
          // The scanner as the session feeds it: the bytes in chunks, cut where the input's own bytes say.
          const scanner = new codec.FrameScanner(framing, direction);
          const cut = 1 + ((input[0] ?? 0) % 17);
          for (let i = 0; i < input.length; i += cut) {
            for (const ev of scanner.push(input.subarray(i, i + cut))) {
              if (ev.type !== 'packet') continue;
              const { data, status } = ev.packet;
              const fields = framing === 'x' ? codec.parseXReply(data).fields : codec.splitClassic(data);
              for (const f of fields.slice(0, 8)) {
                codec.fromDatecsDateTime(f);
                codec.parseAmount(f);
                codec.parseQuantity(f);
              }
              if (status) codec.decodeStatus(framing, status);
              codec.decodeText(data);
            }
          }
        }
      }
    },
  },
  {
    name: 'inp-parser',
    corpus: inpCorpus,
    tokens: ['\r\n', '\n', ';', ',', '^', 'S,1,______,_,__;', 'T,1,______,_,__;', 'C,1,______,_,__;', 'K,1,______,_,__;', 'P,1,______,_,__;', 'FISCAL', 'I;', '%', '.', '\xef\xbb\xbf'],
    generate: (rng) => enc.encode(randomInp(rng)),
    exec(input) {
      parseInp(input); // returns errors as values: any throw is a crash
    },
  },
  {
    name: 'lenient-json',
    corpus: jsonCorpus,
    tokens: ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u', 'true', 'false', 'null', '1e', '-', '.', ',}', ',]', '"__proto__":', '[[[[[[[[[[', '\uFEFF'],
    generate: (rng) => enc.encode(randomJson(rng, COMPAT_KEYS)),
    exec(input) {
      let v;
      try {
        v = parseLenientJson(dec.decode(input));
      } catch (e) {
        guard(e, LenientJsonError);
        return;
      }
      reservedKeyPath(v);
      // The decimal conversions read the values the doors read.
      const walk = (x: unknown, depth: number): void => {
        if (depth > 70) return;
        toCents(x as never);
        toThousandths(x as never);
        if (Array.isArray(x)) for (const y of x) walk(y, depth + 1);
        else if (typeof x === 'object' && x !== null) for (const y of Object.values(x)) walk(y, depth + 1);
      };
      walk(v, 0);
      parseBodyText(dec.decode(input), { allowXml: true });
    },
  },
  {
    name: 'xml-reader',
    corpus: () => [
      enc.encode('<Root><Rows><ItemName>Paine</ItemName><Price>4.20</Price><Quantity>1</Quantity><TaxGroup>2</TaxGroup></Rows></Root>'),
      enc.encode('<?xml version="1.0"?><Root><Amount>12.34</Amount><IncludeAll __json__bool="1">1</IncludeAll></Root>'),
      enc.encode('<Root><ReportType>Daily</ReportType><IsClear __json__bool="1">0</IsClear></Root>'),
      enc.encode('<Root />'),
    ],
    tokens: ['<', '>', '</', '/>', '<Root>', '</Root>', '<![CDATA[', ']]>', '<!--', '-->', '&amp;', '&#x0;', '&lt;', '&#65;', '&bogus;', '<?xml', '?>', '="1"', ' __json__bool="1"', '<!DOCTYPE', '<!ENTITY'],
    generate: (rng) => enc.encode(randomXml(rng, COMPAT_KEYS)),
    exec(input) {
      const text = dec.decode(input);
      try {
        parseXmlBody(text);
      } catch (e) {
        guard(e, XmlBodyError);
      }
      parseBodyText(text, { allowXml: true });
    },
  },
];
