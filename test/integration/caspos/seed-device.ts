/**
 * A device that answers with the seed's own response examples, byte for byte as the seed prints them, and keeps
 * every request it got (method, path, headers, body). It makes no decision: it replays the specification, so the
 * driver's requests can be compared with the seed's request examples (`differences`, field by field) and its
 * readers fed the seed's answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isJObject, Num, type JValue } from '../../../src-main/protocols/caspos/json-read.js';
import { scaleText } from '../../../src-main/protocols/caspos/units.js';

export interface Captured {
  method: string;
  path: string;
  contentType: string;
  body: string;
  operation: string;
}

export interface SeedDevice {
  port: number;
  captured: Captured[];
  /** Answer `operation` with this text (the seed's example). */
  answer(operation: string, text: string): void;
  close(): Promise<void>;
}

export async function startSeedDevice(): Promise<SeedDevice> {
  const answers = new Map<string, string>();
  const captured: Captured[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const operation = (/"operation":"(\w+)"/.exec(body)?.[1] ?? '') as string;
      captured.push({
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: String(req.headers['content-type'] ?? ''),
        body,
        operation,
      });
      const text = answers.get(operation);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(text ?? `{"code": "1200", "message": "no seed answer for ${operation}"}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    captured,
    answer: (op, text) => void answers.set(op, text),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Field-by-field differences between what the driver sent and the seed's example ([] = equal). */
export function differences(
  sent: JValue | undefined,
  seed: JValue | undefined,
  path: string,
  repairs: Record<string, string>,
): string[] {
  if (path in (repairs ?? {})) seed = repairs[path];
  if (seed instanceof Num || sent instanceof Num) {
    const a = sent instanceof Num ? scaleText(sent.text, 3) : null;
    const b = seed instanceof Num ? scaleText(seed.text, 3) : null;
    return a !== null && a === b ? [] : [`${path}: sent ${String(sent)}, seed ${String(seed)}`];
  }
  if (Array.isArray(seed) || Array.isArray(sent)) {
    if (!Array.isArray(seed) || !Array.isArray(sent) || seed.length !== sent.length)
      return [`${path}: sent ${JSON.stringify(sent)}, seed ${JSON.stringify(seed)}`];
    return seed.flatMap((s, i) => differences(sent[i], s, `${path}[${i}]`, repairs));
  }
  if (isJObject(seed) || isJObject(sent)) {
    if (!isJObject(seed) || !isJObject(sent))
      return [`${path}: sent ${JSON.stringify(sent)}, seed ${JSON.stringify(seed)}`];
    const keys = new Set([...Object.keys(seed), ...Object.keys(sent)]);
    return [...keys].flatMap((k) => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in sent)) return [`${p}: missing (seed has ${JSON.stringify(seed[k])})`];
      if (!(k in seed)) return [`${p}: not in the seed (sent ${JSON.stringify(sent[k])})`];
      return differences(sent[k], seed[k], p, repairs);
    });
  }
  return sent === seed ? [] : [`${path}: sent ${JSON.stringify(sent)}, seed ${JSON.stringify(seed)}`];
}
