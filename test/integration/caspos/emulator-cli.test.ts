/**
 * `npm run emulator -- caspos --port P --state DIR` as integrators run it: a separate process, a ready line, the
 * control routes, and a repeated documentUUID answered with the first document after the process is killed and
 * started again on the same state directory.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorCliRefusal, startEmulatorCli } from '../../helpers/emulator-process.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fiscool-caspos-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const post = async (port: number, body: unknown) =>
  (
    await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    })
  ).json() as Promise<any>;

describe('Caspos emulator CLI', () => {
  it('needs --port; runs with a state dir; a repeated documentUUID survives a killed process', async () => {
    const bad = await emulatorCliRefusal(['caspos']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port is required/);

    const state = path.join(dir, 'state');
    const a = await startEmulatorCli(
      ['caspos', '--port', '0', '--state', state, '--username', 'u1', '--password', 'p1', '--first-doc', '10521'],
      (c) => children.push(c),
    );
    expect(a.ready).toMatchObject({ ready: true, kind: 'caspos', port: expect.any(Number) });
    const port = a.ready.port as number;
    expect((await post(port, { operation: 'toLogin', username: 'u1', password: 'p1' })).code).toBe('0');
    expect((await post(port, { operation: 'openShift', data: { sum: 0 }, cashierName: 'Kassir' })).code).toBe('0');
    const uuid = randomUUID();
    const deposit = {
      operation: 'deposit',
      data: { documentUUID: uuid, sum: 1.5, cashierName: 'Kassir', currency: 'AZN' },
    };
    const first = await post(port, deposit);
    expect(first).toMatchObject({
      code: '0',
      message: 'Successoperation',
      data: { document_number: 10521, shift_document_number: 1, totalSum: 0 },
    });
    const state1 = (await (await fetch(`http://127.0.0.1:${port}/_emulator/state`)).json()) as any;
    expect(state1.documents).toHaveLength(1);
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));

    const b = await startEmulatorCli(
      ['caspos', '--port', '0', '--state', state, '--username', 'u1', '--password', 'p1'],
      (c) => children.push(c),
    );
    const port2 = b.ready.port as number;
    // A restarted device has no session: log in again.
    expect((await post(port2, deposit)).code).toBe('401');
    await post(port2, { operation: 'toLogin', username: 'u1', password: 'p1' });
    const again = await post(port2, deposit);
    expect(again).toEqual({ ...first, code: '1', message: 'Repeated DocumentUUID value' });
    const state2 = (await (await fetch(`http://127.0.0.1:${port2}/_emulator/state`)).json()) as any;
    expect(state2.documents).toHaveLength(1);
    b.child.kill('SIGTERM');
  }, 60_000);
});
