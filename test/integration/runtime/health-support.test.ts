/**
 * GET /health says what is wrong (in words, with a severity), GET /support/bundle is a .tar.gz of health, settings
 * without secrets, a journal summary and the rotated logs, and the logs rotate in the data directory.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHub } from '../../../src-main/hub/create-hub.js';
import { RotatingFile } from '../../../src-main/hub/log-file.js';
import { createLogger } from '../../../src-main/hub/logger.js';
import { tempDir, waitFor } from '../../helpers/hub.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('GET /health and the support bundle', () => {
  it('names a register that does not answer, a paused inbox and jobs in doubt; the bundle holds no secret', async () => {
    const dataDir = tempDir('fiscool-health-');
    dirs.push(dataDir);
    const { logger, file } = createLogger({ dataDir, stderr: false });
    const hub = createHub({ dataDir, port: 0, host: '127.0.0.1', probeMs: 200, logger, logFile: file });
    await hub.start();
    const url = `http://127.0.0.1:${hub.addresses().native!.port}`;
    const get = async (p: string) => (await fetch(url + p)).json() as Promise<any>;
    const post = async (p: string, b: unknown) =>
      (await fetch(url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).json() as Promise<any>;
    try {
      await waitFor(async () => (await get('/health')).ok === true);
      const fine = await get('/health');
      expect(fine).toMatchObject({ status: 0, ok: true, worst: null, problems: [], inbox: { paused: false } });
      expect(fine.journal.bytes_on_disk).toBeGreaterThan(0);
      expect(fine.retention.days).toBe(90);

      // A Datecs register on a TCP port where nothing answers.
      const closed: Server = createServer((s) => s.destroy());
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
      const port = (closed.address() as { port: number }).port;
      const saved = await post('/manage/save_fiscal_device', {
        name: 'Casa din spate',
        manufacturer: 'Datecs',
        model: 'FP-700MX',
        connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port } },
        enabled: true,
      });
      expect(saved.status, JSON.stringify(saved)).toBe(0);
      await post('/manage/save_settings', { inbox: { paused: true }, api: { token: 'a-very-secret-token-1234' } });
      const auth = { authorization: 'Bearer a-very-secret-token-1234' };
      const health = async () => (await fetch(url + '/health', { headers: auth })).json() as Promise<any>;
      await waitFor(async () => (await health()).problems.some((p: any) => p.code === 'DEVICE_DISCONNECTED'), 20_000);
      hub.journal.db
        .prepare(`INSERT INTO jobs (id, device_id, device_kind, source, operation, state, attempts, created_at) VALUES ('j-doubt', ?, 'fiscal', 'http', '{"type":"print_x"}', 'in_doubt', 1, ?)`)
        .run(saved.device.id, new Date().toISOString());
      const bad = await health();
      expect(bad.ok).toBe(false);
      expect(bad.worst).toBe('error');
      const codes = bad.problems.map((p: any) => p.code);
      expect(codes).toEqual(expect.arrayContaining(['DEVICE_DISCONNECTED', 'INBOX_PAUSED', 'JOBS_IN_DOUBT']));
      const down = bad.problems.find((p: any) => p.code === 'DEVICE_DISCONNECTED');
      expect(down).toMatchObject({ severity: 'error', device_id: saved.device.id });
      expect(down.text.ro).toContain('„Casa din spate” nu răspunde');
      expect(down.text.en).toContain('Check that it is on');

      logger.warn({ marker: 'support-bundle-line' }, 'a line for the bundle');
      const res = await fetch(url + '/support/bundle', { headers: auth });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/gzip');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="fiscool-support-.*\.tar\.gz"/);
      const out = join(dataDir, 'unpacked');
      mkdirSync(out);
      writeFileSync(join(dataDir, 'bundle.tar.gz'), Buffer.from(await res.arrayBuffer()));
      execFileSync('tar', ['-xzf', join(dataDir, 'bundle.tar.gz'), '-C', out]);
      expect(readdirSync(out).sort()).toEqual(['README.txt', 'health.json', 'journal-summary.json', 'logs', 'settings.json']);
      const settings = readFileSync(join(out, 'settings.json'), 'utf8');
      expect(settings).toContain('"token": "********"');
      expect(settings).toContain('Casa din spate');
      const everything = execFileSync('tar', ['-xzOf', join(dataDir, 'bundle.tar.gz')]).toString();
      expect(everything).not.toContain('a-very-secret-token-1234');
      const summary = JSON.parse(readFileSync(join(out, 'journal-summary.json'), 'utf8'));
      expect(summary.in_doubt).toEqual([expect.objectContaining({ id: 'j-doubt', operation_type: 'print_x' })]);
      expect(summary.by_state.in_doubt).toBe(1);
      expect(readFileSync(join(out, 'logs', 'fiscool.log'), 'utf8')).toContain('support-bundle-line');
      expect(JSON.parse(readFileSync(join(out, 'health.json'), 'utf8')).problems.length).toBe(bad.problems.length);
      closed.close();
    } finally {
      await hub.stop();
      file?.close();
    }
  }, 60_000);

  it('rotates the log file by size and keeps a bounded number of old files', () => {
    const dir = tempDir('fiscool-logs-');
    dirs.push(dir);
    const f = new RotatingFile({ dir, maxBytes: 1000, keep: 2 });
    for (let i = 0; i < 100; i++) f.write(`{"n":${i},"pad":"${'x'.repeat(80)}"}\n`);
    f.close();
    expect(readdirSync(dir).sort()).toEqual(['fiscool.1.log', 'fiscool.2.log', 'fiscool.log']);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(1000);
    expect(readFileSync(join(dir, 'fiscool.log'), 'utf8')).toContain('"n":99');
    expect(readFileSync(join(dir, 'fiscool.2.log'), 'utf8')).not.toContain('"n":0,');
  });
});
