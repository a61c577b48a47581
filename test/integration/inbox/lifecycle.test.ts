import { existsSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/hub.js';
import { baseKey, sha256 } from '../../../src-main/doors/inbox/process-file.js';
import { answerOf, drop, errorOf, finished, fixture, ls, receipts, startInboxHub, type InboxHub } from './harness.js';

let h: InboxHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const RECEIPT = fixture('receipt-spec-example.inp');

describe('pre-flight: the device is not ready', () => {
  it('a file waits while the register is disconnected, then prints once when it comes back', async () => {
    h = await startInboxHub();
    const reg = h.register();
    reg.injectFaults({ disconnected: true });
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === false);
    drop(h.folder, 'wait.inp', RECEIPT);
    await waitFor(() => h!.inbox.list({ state: 'waiting' }).length === 1);
    expect(h.events.some((e) => e.file_name === 'wait.inp' && e.state === 'waiting')).toBe(true);
    expect(existsSync(join(h.folder, 'wait.inp.processing'))).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // still waiting, nothing failed
    expect(h.inbox.list({ state: 'waiting' })).toHaveLength(1);
    reg.reconnect();
    expect(await finished(h.folder, 'wait.inp')).toBe('ok');
    const printed = receipts(reg);
    expect(printed).toHaveLength(1);
    expect(answerOf(h.folder, 'wait.inp')['RECEIPT_NO']).toBe(String(printed[0]?.number));
    const states = h.events.filter((e) => e.file_name === 'wait.inp').map((e) => e.state);
    expect(states[0]).toBe('processing');
    expect(states).toContain('waiting');
    expect(states.at(-1)).toBe('done');
  });

  it('paper out during the receipt: the file waits, prints once after the paper is loaded', async () => {
    h = await startInboxHub();
    const reg = h.register();
    reg.injectFaults({ paper_out_at_line: 3 });
    drop(h.folder, 'paper.inp', RECEIPT);
    await waitFor(() => h!.events.some((e) => e.file_name === 'paper.inp' && e.state === 'waiting'));
    expect(h.inbox.list()[0]?.error).toMatch(/hârtie|paper/i);
    expect(receipts(reg)).toHaveLength(0);
    reg.loadPaper();
    expect(await finished(h.folder, 'paper.inp')).toBe('ok');
    expect(receipts(reg)).toHaveLength(1);
    expect(answerOf(h.folder, 'paper.inp')['RECEIPT_NO']).toBe(String(receipts(reg)[0]?.number));
    expect(h.inbox.list()[0]?.attempt).toBe(1);
  });

  it('a waiting file fails after wait_timeout_s with the device error', async () => {
    h = await startInboxHub({ inbox: { wait_timeout_s: 1 } });
    h.register().injectFaults({ disconnected: true });
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === false);
    drop(h.folder, 'late.inp', RECEIPT);
    expect(await finished(h.folder, 'late.inp')).toBe('err');
    expect(errorOf(h.folder, 'late.inp')).toMatchObject({
      ERROR_LINE: '1',
      ERROR_CODE: '-505',
      RECEIPT_STATE: 'not_opened',
    });
    h.register().reconnect();
    expect(receipts(h.register())).toHaveLength(0);
  });

  it('retrying a waiting file restarts its wait', async () => {
    h = await startInboxHub({ inbox: { wait_timeout_s: 3 } });
    h.register().injectFaults({ disconnected: true });
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === false);
    drop(h.folder, 'patient.inp', RECEIPT);
    await waitFor(() => h!.inbox.list({ state: 'waiting' }).length === 1);
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 2000));
    const id = h.inbox.list()[0]!.id;
    expect((await h.inbox.retry(id)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, Math.max(0, since + 3800 - Date.now())));
    expect(h.inbox.get(id)?.state).toBe('waiting'); // without the retry it would have failed at 3 s
    expect(await finished(h.folder, 'patient.inp')).toBe('err');
    expect(Date.now() - since).toBeGreaterThanOrEqual(4500);
  });

  it('with wait_for_device off the file fails at once', async () => {
    h = await startInboxHub({ inbox: { wait_for_device: false } });
    h.register().injectFaults({ disconnected: true });
    await waitFor(() => h!.hub.devices.readiness(h!.deviceId).ready === false);
    drop(h.folder, 'now.inp', RECEIPT);
    expect(await finished(h.folder, 'now.inp', 3000)).toBe('err');
    // Output first, then the record's state: wait for the state.
    await waitFor(() => h!.inbox.list()[0]?.state === 'failed', 3000);
    expect(h.inbox.list()[0]).toMatchObject({ state: 'failed', error_code: -505 });
  });
});

describe('exactly once', () => {
  it('a file dropped again after success is answered, not printed (duplicate_policy skip)', async () => {
    h = await startInboxHub();
    drop(h.folder, 'dup.inp', RECEIPT);
    await finished(h.folder, 'dup.inp');
    const first = answerOf(h.folder, 'dup.inp');
    drop(h.folder, 'dup.inp', RECEIPT);
    await waitFor(() => ls(h!.folder, 'BonOK').length === 2);
    await waitFor(() => h!.inbox.list({ state: 'done' }).length === 2);
    expect(receipts(h.register())).toHaveLength(1);
    const answers = ls(h.folder, 'BonANSWER');
    expect(answers).toHaveLength(2);
    const second = answers.find((n) => n !== 'dup.txt')!;
    expect(readFileSync(join(h.folder, 'BonANSWER', second), 'utf8')).toMatch(/DUPLICATE=1/);
    expect(readFileSync(join(h.folder, 'BonANSWER', second), 'utf8')).toContain(`RECEIPT_NO=${first['RECEIPT_NO']}`);
    const [newer, older] = h.inbox.list();
    expect(newer?.duplicate_of).toBe(older?.id);
  });

  it('print_again prints a re-dropped file again; a changed file is a new file', async () => {
    h = await startInboxHub({ inbox: { duplicate_policy: 'print_again' } });
    drop(h.folder, 'again.inp', RECEIPT);
    await finished(h.folder, 'again.inp');
    drop(h.folder, 'again.inp', RECEIPT);
    await waitFor(() => h!.inbox.list({ state: 'done' }).length === 2);
    expect(receipts(h.register())).toHaveLength(2);
  });

  it('a .processing file found at start-up is reconciled through its job, not printed again', async () => {
    h = await startInboxHub();
    const dataDir = h.t.dataDir;
    const folder = h.folder;
    // The crash happened after the job ran: the pipeline has the job under the file's key, the file is claimed.
    const op = {
      type: 'print_receipt',
      lines: [
        {
          type: 'item',
          description: 'Crash',
          unit_price_cents: 500,
          quantity_thousandths: 1000,
          vat: 'A',
          department: 1,
        },
      ],
      payments: [{ method: 'cash', amount_cents: 500 }],
    };
    const content = Buffer.from('S,1,______,_,__;Crash;5.00;1.000;1;1;1;0;0\nT,1,______,_,__;0;5.00\n');
    const key = baseKey(h.deviceId, 'crash.inp', sha256(content));
    const sub = h.hub.operations.submit({ device_id: h.deviceId, operation: op, source: 'inp', idempotency_key: key });
    if (sub.kind !== 'accepted') throw new Error(JSON.stringify(sub));
    const job = await sub.done;
    expect(receipts(h.register())).toHaveLength(1);
    await h.close(true);
    h = null;
    writeFileSync(join(folder, 'crash.inp.processing'), content);
    h = await startInboxHub({ dataDir, folder });
    expect(await finished(folder, 'crash.inp')).toBe('ok');
    expect(receipts(h.register())).toHaveLength(1);
    expect(answerOf(folder, 'crash.inp')['RECEIPT_NO']).toBe(
      String((job.outcome as unknown as { result: { slip_number: number } }).result.slip_number),
    );
    expect(h.inbox.list()[0]?.job_id).toBe(job.id);
  });

  it('a .processing file whose job never ran is executed once at start-up', async () => {
    h = await startInboxHub();
    const { folder } = h;
    const dataDir = h.t.dataDir;
    await h.close(true);
    h = null;
    writeFileSync(join(folder, 'never.inp.processing'), RECEIPT);
    h = await startInboxHub({ dataDir, folder });
    expect(await finished(folder, 'never.inp')).toBe('ok');
    expect(receipts(h.register())).toHaveLength(1);
  });
});

describe('detection', () => {
  it('waits for the writer to finish (settle) and ignores other extensions and hidden files', async () => {
    h = await startInboxHub({ inbox: { settle_ms: 1000 } });
    const p = join(h.folder, 'slow.INP');
    const lines = RECEIPT.toString('utf8').split('\n');
    writeFileSync(p, lines.slice(0, 2).join('\n') + '\n');
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(p, lines.join('\n')); // rewritten before the settle delay ran out
    drop(h.folder, 'notes.doc', 'x');
    drop(h.folder, '.hidden.inp', 'x');
    expect(await finished(h.folder, 'slow.INP')).toBe('ok');
    expect(receipts(h.register())[0]?.total_cents).toBe(1430);
    await new Promise((r) => setTimeout(r, 1200));
    expect(ls(h.folder).sort()).toEqual(['BonANSWER', 'BonOK', 'notes.doc']);
  });

  it('picks up files already in the folder at start, in order, and follows a scan folder changed at run time', async () => {
    h = await startInboxHub();
    const other = join(h.folder, '..', 'other');
    drop(other, 'b.inp', fixture('cash-in.inp'));
    drop(other, 'a.inp', fixture('report-x.inp'));
    utimesSync(join(other, 'a.inp'), new Date(Date.now() - 5000), new Date(Date.now() - 5000));
    const cfg = h.hub.devices.getFiscal(h.deviceId)!.config;
    expect((await h.t.post('/manage/save_fiscal_device', { ...cfg, scan_folder: other })).status).toBe(200);
    await h.inbox.rescanNow();
    expect(await finished(other, 'b.inp')).toBe('ok');
    expect(await finished(other, 'a.inp')).toBe('ok');
    expect(h.inbox.folders()[h.deviceId]).toBe(other);
  });
});

describe('answers are renamed into place', () => {
  it('a second file of the same name gets a time-stamped name; nothing is overwritten', async () => {
    h = await startInboxHub();
    drop(h.folder, 'same.inp', fixture('cash-in.inp'));
    await finished(h.folder, 'same.inp');
    drop(h.folder, 'same.inp', fixture('cash-out.inp'));
    await waitFor(() => ls(h!.folder, 'BonOK').length === 2 && ls(h!.folder, 'BonANSWER').length === 2);
    const ok = ls(h.folder, 'BonOK');
    expect(ok[0]).toBe('same.inp');
    expect(ok[1]).toMatch(/^same_\d{14}\.inp$/);
    expect(readFileSync(join(h.folder, 'BonOK', 'same.inp'))).toEqual(fixture('cash-in.inp'));
    renameSync(join(h.folder, 'BonOK', ok[1]!), join(h.folder, 'BonOK', 'x'));
  });
});
