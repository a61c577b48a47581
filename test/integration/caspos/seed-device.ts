/**
 * A device that answers with the seed's own response examples, byte for byte as the seed prints them, and keeps
 * every request it got (method, path, headers, body). It makes no decision: it replays the specification, so the
 * driver's requests can be compared with the seed's request examples and its readers fed the seed's answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
      captured.push({ method: req.method ?? '', path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body, operation });
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
