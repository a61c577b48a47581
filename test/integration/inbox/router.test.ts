import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createInboxRouter } from '../../../src-main/doors/inbox/router.js';
import { waitFor } from '../../helpers/hub.js';
import { drop, errorOf, finished, fixture, ls, receipts, startInboxHub, type InboxHub } from './harness.js';

let h: InboxHub | null = null;
let server: Server | null = null;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = null;
  await h?.close();
  h = null;
});

async function api(hub: InboxHub) {
  const app = express();
  app.use('/inbox', createInboxRouter(hub.inbox));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inbox`;
  const call = async (method: 'GET' | 'POST', path: string) => {
    const r = await fetch(base + path, { method });
    return {
      status: r.status,
      body: (await r.json()) as Record<string, unknown> & {
        files?: Array<Record<string, unknown>>;
        file?: Record<string, unknown>;
      },
    };
  };
  return call;
}

const RECEIPT = fixture('receipt-spec-example.inp');

describe('/inbox API', () => {
  it('lists files with filters and rejects bad query values naming the field', async () => {
    h = await startInboxHub();
    const call = await api(h);
    drop(h.folder, 'a.inp', RECEIPT);
    drop(h.folder, 'b.inp', fixture('bad-number.inp'));
    await finished(h.folder, 'a.inp');
    await finished(h.folder, 'b.inp');
    await waitFor(() => h!.inbox.list().every((f) => f.state === 'done' || f.state === 'failed'));
    const all = await call('GET', '/files');
    expect(all.status).toBe(200);
    expect(all.body.files?.map((f) => [f['name'], f['state']]).sort()).toEqual([
      ['a.inp', 'done'],
      ['b.inp', 'failed'],
    ]);
    const failed = await call('GET', `/files?state=failed&device_id=${h.deviceId}&limit=5`);
    expect(failed.body.files).toHaveLength(1);
    expect(failed.body.files?.[0]).toMatchObject({
      name: 'b.inp',
      error_line: 2,
      error_code: 400,
      output: 'BonERR/b.inp',
    });
    const done = (await call('GET', '/files?state=done')).body.files?.[0];
    expect(done).toMatchObject({
      output: 'BonOK/a.inp',
      answer: 'BonANSWER/a.txt',
      result: { RESULT: 'OK', TOTAL: '14.30' },
    });
    expect((await call('GET', '/files?state=nope')).body).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^state/),
    });
    expect((await call('GET', '/files?limit=0')).body).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^limit/),
    });
    expect(await call('POST', '/files/nope/retry')).toMatchObject({ status: 404, body: { status: 404 } });
    expect(await call('POST', `/files/${String(done?.['id'])}/discard`)).toMatchObject({
      status: 409,
      body: { status: 409 },
    });
    // The same router is mounted on the hub's native API.
    const viaHub = await h.t.get('/inbox/files?state=done');
    expect(viaHub.status).toBe(200);
    expect(viaHub.body.files.map((f: { name: string }) => f.name)).toEqual(['a.inp']);
  });

  it('discarding a waiting file moves it to BonERR and never prints it', async () => {
    h = await startInboxHub();
    const call = await api(h);
    h.register().injectFaults({ disconnected: true });
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === false);
    drop(h.folder, 'w.inp', RECEIPT);
    await waitFor(() => h!.inbox.list({ state: 'waiting' }).length === 1);
    const id = String(h.inbox.list()[0]?.id);
    const retried = await call('POST', `/files/${id}/retry`);
    expect(retried).toMatchObject({ status: 200, body: { file: { state: 'waiting' } } });
    const d = await call('POST', `/files/${id}/discard`);
    expect(d).toMatchObject({ status: 200, body: { status: 0, file: { state: 'discarded' } } });
    expect(await finished(h.folder, 'w.inp')).toBe('err');
    expect(errorOf(h.folder, 'w.inp')['ERROR']).toMatch(/renun|discard/i);
    h.register().reconnect();
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === true);
    await new Promise((r) => setTimeout(r, 200));
    expect(receipts(h.register())).toHaveLength(0);
    expect(h.events.filter((e) => e.file_name === 'w.inp').at(-1)?.state).toBe('discarded');
  });

  it('retrying a failed file puts the original back and prints it once the register is back', async () => {
    h = await startInboxHub({ inbox: { wait_timeout_s: 1 } });
    const call = await api(h);
    h.register().injectFaults({ disconnected: true });
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === false);
    drop(h.folder, 'r.inp', RECEIPT);
    expect(await finished(h.folder, 'r.inp')).toBe('err');
    h.register().reconnect();
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === true);
    const failed = h.inbox.list({ state: 'failed' })[0]!;
    const r = await call('POST', `/files/${failed.id}/retry`);
    expect(r.status).toBe(200);
    await waitFor(() => ls(h!.folder, 'BonOK').includes('r.inp'));
    expect(receipts(h.register())).toHaveLength(1);
    expect(ls(h.folder, 'BonERR')).toEqual(['r.inp']);
    await waitFor(() => h!.inbox.list({ state: 'done' }).length === 1);
    expect(h.inbox.list({ state: 'done' })[0]?.attempt).toBeGreaterThan(failed.attempt);
  });
});

describe('a file with several documents that failed half-way', () => {
  it('retry prints only the documents that did not print', async () => {
    h = await startInboxHub({ inbox: { wait_for_device: false } });
    const call = await api(h);
    const reg = h.register();
    // The receipt prints; the paper runs out during the Z report that follows it.
    reg.injectFaults({ paper_out_at_line: 40 });
    drop(h.folder, 'day.inp', fixture('receipt-then-z.inp'));
    expect(await finished(h.folder, 'day.inp')).toBe('err');
    expect(receipts(reg)).toHaveLength(1);
    const e = errorOf(h.folder, 'day.inp');
    expect(e).toMatchObject({ ERROR_LINE: '3', ERROR_CMD: 'Z', ERROR_CODE: '-500' });
    reg.loadPaper();
    const failed = h.inbox.list({ state: 'failed' })[0]!;
    expect((await call('POST', `/files/${failed.id}/retry`)).status).toBe(200);
    await waitFor(() => ls(h!.folder, 'BonOK').includes('day.inp'));
    expect(receipts(reg)).toHaveLength(1);
    expect(
      reg
        .readJournal({ range: { type: 'date', start: '2000-01-01', end: '2099-12-31' }, doc_type: 'z_reports' })
        .filter((d) => d.kind === 'z_report'),
    ).toHaveLength(1);
  });
});

describe('WebSocket inbox events', () => {
  it('a subscriber to "inbox" sees every state change of a file', async () => {
    h = await startInboxHub();
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(h.t.url.replace('http', 'ws') + '/ws');
    const got: Array<{ event?: string; data?: { file_name: string; state: string; job_id?: string | null } }> = [];
    ws.on('message', (m) => got.push(JSON.parse(String(m)) as (typeof got)[number]));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ id: 's', action: 'subscribe', payload: { topics: ['inbox'] } }));
    await waitFor(() => got.length > 0);
    drop(h.folder, 'ws.inp', RECEIPT);
    drop(h.folder, 'ws-bad.inp', fixture('bad-k-after-s.inp'));
    await waitFor(
      () =>
        got.filter((m) => m.event === 'inbox_file' && (m.data?.state === 'done' || m.data?.state === 'failed'))
          .length === 2,
    );
    ws.close();
    const states = (name: string) =>
      got.filter((m) => m.event === 'inbox_file' && m.data?.file_name === name).map((m) => m.data?.state);
    expect(states('ws.inp')[0]).toBe('processing');
    expect(states('ws.inp').at(-1)).toBe('done');
    expect(states('ws-bad.inp')).toEqual(['processing', 'failed']);
    expect(got.some((m) => m.data?.file_name === 'ws.inp' && typeof m.data.job_id === 'string')).toBe(true);
  });
});
