/**
 * The README's "Try it with curl" walkthrough, run as written: its first block (the hub) in the background, its
 * second block (every curl command, verbatim) with bash. It runs in a private network namespace with a private
 * mount over /tmp/fiscool-demo (`unshare --net --mount --pid`, as root like CI), so the README's fixed port 10123 and data
 * directory are free and fresh whatever else runs on the machine (the checkout itself may live under /tmp); its
 * scratch files live in test-results/.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export function walkthroughBlocks(readme: string): string[] {
  const section = readme.split(/^## Try it with curl$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

describe('README curl walkthrough', () => {
  it('every command runs as written: receipt, the same answer for the same key, Z report, journal, health, metrics, openapi, support bundle', async () => {
    const blocks = walkthroughBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(blocks).toHaveLength(2);
    const [server, curls] = blocks as [string, string];
    expect(server.trim()).toBe('npm run serve -- --data-dir /tmp/fiscool-demo --port 10123');
    expect(curls).not.toMatch(/…same body…|\.\.\.same body/);
    try {
      execFileSync('unshare', ['--net', '--mount', '--pid', '--fork', '--mount-proc', 'true']);
    } catch (e) {
      throw new Error(`this test needs unshare --net --mount --pid (root, as in CI): ${String(e)}`);
    }
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    const work = mkdtempSync(join(ROOT, 'test-results', 'readme-walkthrough-'));
    writeFileSync(join(work, 'server.sh'), server);
    writeFileSync(join(work, 'curls.sh'), curls);
    const harness = `
set -u
ip link set lo up
mkdir -p /tmp/fiscool-demo && mount -t tmpfs tmpfs /tmp/fiscool-demo
cd ${JSON.stringify(ROOT)}
FISCOOL_LOG_LEVEL=warn bash ${JSON.stringify(join(work, 'server.sh'))} > ${JSON.stringify(join(work, 'server.log'))} 2>&1 &
for i in $(seq 1 600); do curl -s -o /dev/null http://127.0.0.1:10123/ && break; sleep 0.1; done
cd ${JSON.stringify(work)}
bash ${JSON.stringify(join(work, 'curls.sh'))} > out.txt 2> err.txt
echo "exit=$?" >> out.txt
tar -tzf fiscool-support.tar.gz >> out.txt
pkill -TERM -P $$ >/dev/null 2>&1
sleep 1
`;
    // Not spawnSync: a test worker blocked for a minute misses vitest's own calls.
    const r = await new Promise<{ status: number | null; stderr: string }>((done) => {
      // --pid --fork: the harness is the namespace's init, so when it ends the kernel stops the hub it started (npm,
      // tsx and node), wherever they are in the tree.
      const child = spawn('unshare', ['--net', '--mount', '--pid', '--fork', '--mount-proc', 'bash', '-c', harness], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
      child.once('close', (status) => done({ status, stderr }));
    });
    const out = readFileSync(join(work, 'out.txt'), 'utf8');
    const err = readFileSync(join(work, 'err.txt'), 'utf8');
    try {
      expect(r.status, `${r.stderr}\n${readFileSync(join(work, 'server.log'), 'utf8')}`).toBe(0);
      expect(err).toBe('');
      expect(out).toContain('exit=0');
      expect(out.startsWith('FisCool API Server running.')).toBe(true);
      const receipts = out.split('\n').filter((l) => l.startsWith('{"status":0,"msg":"Bon tipărit"'));
      expect(receipts).toHaveLength(2);
      expect(receipts[1]).toBe(receipts[0]);
      const first = JSON.parse(receipts[0]!);
      expect(first).toMatchObject({ slip_number: 1, total_cents: 850, change_cents: 150 });
      expect(out).toMatch(/"msg":"Raport Z tipărit"|"type":"print_z"/);
      const jobs = JSON.parse(out.split('\n').find((l) => l.includes('"jobs":['))!);
      expect(jobs.jobs.filter((j: any) => j.operation.type === 'print_receipt')).toHaveLength(1); // printed once
      const health = JSON.parse(out.split('\n').find((l) => l.includes('"uptime_s"'))!);
      expect(health.ok).toBe(true);
      expect(out).toContain('fiscool_jobs{');
      const openapi = JSON.parse(out.split('\n').find((l) => l.startsWith('{"openapi":"3.1.0"'))!);
      expect(openapi.servers).toEqual([{ url: 'http://127.0.0.1:10123' }]);
      expect(out).toContain('settings.json');
      expect(out).toContain('journal-summary.json');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 150_000);
});
