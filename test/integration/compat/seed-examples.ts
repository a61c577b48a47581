/**
 * The request/response examples of the three compatible-protocol seeds, extracted at test time from verbatim
 * copies of the seeds (test/fixtures/compat/seeds/): the request bodies are the seeds' own bytes, trailing
 * commas included. UcsFPHub examples are found from their curl lines; ErpNet.FP's by block number (its seed
 * writes bare URLs under GET/POST headings).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'compat', 'seeds');
export const SEED_FILES = {
  '001': '001_957c671f79283717.txt',
  '002': '002_55f09abe3d26f641.txt',
  '003': '003_963be5d2d35a8fd3.txt',
} as const;
export type SeedName = keyof typeof SEED_FILES;

export interface Block {
  lang: string;
  text: string;
}

export interface Example {
  seed: SeedName;
  index: number;
  method: 'GET' | 'POST';
  /** As written in the seed (http://localhost:8001/… or http://localhost:8192/…). */
  url: string;
  body?: string;
  response?: Block;
  note?: string;
}

export function seedText(seed: SeedName): string {
  return readFileSync(join(SEED_DIR, SEED_FILES[seed]), 'utf8');
}

export function codeBlocks(text: string): Block[] {
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] ?? '', text: m[2] ?? '' }));
}

/** Windows cmd quoting as in the seeds: --data "{ \"Amount\": 12.34 }" → { "Amount": 12.34 }. */
function curlData(cmd: string): string | undefined {
  const m = /--data "((?:[^"\\]|\\.)*)"/.exec(cmd);
  return m?.[1]?.replace(/\\"/g, '"');
}

/** UcsFPHub seeds: every curl block, with its body (inline --data or the JSON block before it) and the answer after it. */
export function ucsExamples(seed: '001' | '003'): Example[] {
  const blocks = codeBlocks(seedText(seed));
  const out: Example[] = [];
  blocks.forEach((b, i) => {
    if (b.lang !== 'shell' || !b.text.includes('curl')) return;
    const cmd = b.text.replace(/\^\n\s*/g, ' ');
    const method = /-X (GET|POST)/.exec(cmd)?.[1] as 'GET' | 'POST';
    const url = /(http:\/\/localhost:8192\/\S+)/.exec(cmd)?.[1] ?? '';
    const ex: Example = { seed, index: i, method, url };
    const data = curlData(cmd);
    if (data !== undefined) ex.body = data;
    else if (cmd.includes('--data-binary @data-utf8.txt')) ex.body = blocks[i - 1]?.text;
    const next = blocks[i + 1];
    if (next && next.lang !== 'shell') ex.response = next;
    out.push(ex);
  });
  return out;
}

/** ErpNet.FP seed: [url block, body block, response block] as numbered in the seed. */
const ERPNET_LAYOUT: Array<{ method: 'GET' | 'POST'; url: number; body?: number; response?: number; note?: string }> = [
  { method: 'GET', url: 0, response: 1 },
  { method: 'GET', url: 2, response: 3 },
  {
    method: 'GET',
    url: 4,
    response: 5,
    note: 'the seed writes the info URL under "Get Printer Status"; the status endpoint is /status',
  },
  { method: 'POST', url: 6, body: 7, response: 8 },
  { method: 'POST', url: 11, body: 12, response: 8 },
  { method: 'POST', url: 13, body: 7, response: 14 },
  { method: 'GET', url: 15 },
  { method: 'POST', url: 17, body: 18 },
  { method: 'POST', url: 19, body: 20 },
  { method: 'POST', url: 21 },
  { method: 'POST', url: 23, body: 24 },
  { method: 'GET', url: 25, response: 26 },
  { method: 'POST', url: 22 },
];

export function erpnetExamples(): Example[] {
  const blocks = codeBlocks(seedText('002'));
  return ERPNET_LAYOUT.map((l) => {
    const ex: Example = { seed: '002', index: l.url, method: l.method, url: blocks[l.url]?.text.trim() ?? '' };
    if (l.body !== undefined) ex.body = blocks[l.body]?.text;
    if (l.response !== undefined) {
      const r = blocks[l.response];
      if (r) ex.response = r;
    }
    if (l.note) ex.note = l.note;
    return ex;
  });
}

/** The seed's reversal section has no body example: the receipt example plus the fields the section lists. */
export function erpnetReversalBody(
  receiptNumber: string,
  receiptDateTime: string,
  fiscalMemorySerialNumber: string,
): string {
  const receipt = JSON.parse(codeBlocks(seedText('002'))[7]?.text ?? '{}') as Record<string, unknown>;
  return JSON.stringify({ ...receipt, receiptNumber, receiptDateTime, fiscalMemorySerialNumber, reason: 'refund' });
}
