/**
 * A file waiting for the register must not fill the journal: while the register reports it cannot print (paper out,
 * cover open), the waiting file sends it no job at all — one failed job for the condition, then it waits on the
 * register's own status and prints once that is fixed. And Retry is offered only where a retry can help.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/hub.js';
import { drop, finished, fixture, receipts, startInboxHub, type InboxHub } from './harness.js';

let h: InboxHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const jobsOf = (hub: InboxHub, type: string) =>
  hub.hub.operations.listJobs({ limit: 1000 }).filter((j) => j.operation.type === type);

describe('a waiting file and the journal', () => {
  it('paper out: one failed receipt job while the file waits 4 s, one card charge, then it prints once', async () => {
    h = await startInboxHub();
    const reg = h.register();
    reg.injectFaults({ paper_out_at_line: 3 });
    drop(h.folder, 'paper.inp', fixture('receipt-spec-example.inp'));
    await waitFor(() => h!.inbox.list({ state: 'waiting' }).length === 1);
    await new Promise((r) => setTimeout(r, 4000));
    const failed = jobsOf(h, 'print_receipt');
    expect(failed.map((j) => j.state)).toEqual(['failed']);
    // the linked card terminal was charged (and the charge voided) once, not once per retry
    expect(jobsOf(h, 'sale')).toHaveLength(1);
    expect(h.inbox.list()[0]).toMatchObject({ state: 'waiting', error: expect.stringMatching(/hârtie/) });
    expect(h.inbox.retryable(h.inbox.list()[0]!)).toBe(true);
    reg.loadPaper();
    expect(await finished(h.folder, 'paper.inp')).toBe('ok');
    expect(receipts(reg)).toHaveLength(1);
    expect(jobsOf(h, 'print_receipt').map((j) => j.state)).toEqual(['succeeded', 'failed']);
  }, 30_000);

  it('cover open before the file arrives: no job at all until the cover is closed', async () => {
    h = await startInboxHub();
    const reg = h.register();
    reg.injectFaults({ cover_open: true });
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === false, 5000);
    drop(h.folder, 'cover.inp', fixture('receipt-spec-example.inp'));
    await waitFor(() => h!.inbox.list({ state: 'waiting' }).length === 1);
    await new Promise((r) => setTimeout(r, 2000));
    expect(jobsOf(h, 'print_receipt')).toHaveLength(0);
    reg.closeCover();
    expect(await finished(h.folder, 'cover.inp')).toBe('ok');
    expect(jobsOf(h, 'print_receipt').map((j) => j.state)).toEqual(['succeeded']);
  }, 30_000);
});

describe('Retry only where it can help', () => {
  it('a syntax error is not retryable (the API refuses it); a register failure is', async () => {
    h = await startInboxHub({ inbox: { wait_for_device: false } });
    drop(h.folder, 'bad.inp', fixture('bad-number.inp'));
    expect(await finished(h.folder, 'bad.inp')).toBe('err');
    // The file reaches BonERR a moment before its record says `failed` (output first, then the state).
    await waitFor(() => h!.inbox.list({ state: 'failed' }).some((f) => f.name === 'bad.inp'), 5000);
    const bad = h.inbox.list({ state: 'failed' }).find((f) => f.name === 'bad.inp')!;
    expect(h.inbox.retryable(bad)).toBe(false);
    const refused = await h.t.post(`/inbox/files/${bad.id}/retry`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/conținutului|content/);
    expect((await h.t.get('/inbox/files')).body.files.find((f: any) => f.id === bad.id)).toMatchObject({
      retryable: false,
    });

    h.register().injectFaults({ cover_open: true });
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === false, 5000);
    drop(h.folder, 'later.inp', fixture('receipt-spec-example.inp'));
    expect(await finished(h.folder, 'later.inp')).toBe('err');
    await waitFor(() => h!.inbox.list({ state: 'failed' }).some((f) => f.name === 'later.inp'), 5000);
    const later = h.inbox.list({ state: 'failed' }).find((f) => f.name === 'later.inp')!;
    expect((await h.t.get(`/inbox/files/${later.id}`)).body.file).toMatchObject({ retryable: true });
    h.register().closeCover();
    expect((await h.t.post(`/inbox/files/${later.id}/retry`, {})).status).toBe(200);
    await waitFor(() => h!.inbox.list({ state: 'done' }).some((f) => f.name === 'later.inp'), 10_000);
    expect(receipts(h.register())).toHaveLength(1);
  }, 30_000);
});
