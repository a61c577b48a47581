/**
 * Exactly once across a crash, through documentUUID. The hub runs as a real process; the Caspos emulator (its own
 * state dir) executes a sale and then never answers; the hub is killed with SIGKILL while it waits, and started
 * again. The client retries with the same Idempotency-Key. The job found running is settled with the device: the
 * same documentUUID goes again and the device answers its first document (code 1). In the end the emulator holds
 * exactly one document and one printed receipt, and the client gets the original answer (the document's id,
 * numbers and short id).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCasposEmulator, type RunningCasposEmulator } from '../../../src-main/emulators/caspos/start.js';
import { parseCasposJson, toPlain } from '../../../src-main/protocols/caspos/json-read.js';
import { freePort, postOperation, startHubProcess, type HubProcess } from '../../helpers/hub-process.js';
import { waitFor } from '../../helpers/hub.js';

const base = mkdtempSync(path.join(tmpdir(), 'fiscool-caspos-crash-'));
let em: RunningCasposEmulator | null = null;
let hub: HubProcess | null = null;
afterAll(async () => {
  await hub?.kill('SIGKILL');
  await em?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('Caspos crash test', () => {
  it('answer lost after the device executed a sale, hub SIGKILLed and restarted: one document, the original answer', async () => {
    em = await startCasposEmulator({ stateDir: path.join(base, 'caspos'), username: 'kassir', password: 'gizli-0101' });
    const dataDir = path.join(base, 'hub');
    const port = await freePort();
    hub = await startHubProcess(dataDir, port);
    const saved = (await (
      await fetch(`${hub.url}/manage/save_fiscal_device`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Kassa 1',
          manufacturer: 'Caspos',
          model: 'Caspos Mobile',
          connection_details: { type: 'Network', details: { ip_address: '127.0.0.1', port: em.port } },
          enabled: true,
          options: { username: 'kassir', password: 'gizli-0101', timeout_ms: 60_000 },
        }),
      })
    ).json()) as { status: number; device: { id: string } };
    expect(saved.status).toBe(0);
    const deviceId = saved.device.id;
    await waitFor(async () =>
      ((await (await fetch(`${hub!.url}/devices/fiscal`)).json()) as any).fiscal_devices.every(
        (d: any) => d.status === 'Connected',
      ),
    );

    const body = {
      device_id: deviceId,
      operation: {
        type: 'print_receipt',
        lines: [
          { type: 'item', description: 'Çörək', quantity_thousandths: 2000, unit_price_cents: 80, vat: '18%' },
          { type: 'item', description: 'Pendir', quantity_thousandths: 350, unit_price_cents: 1400, vat: 'A' },
        ],
        payments: [{ method: 'cash', amount_cents: 1000 }],
      },
    };
    expect(
      await postOperation<any>(hub.url, 'caspos-crash-open', {
        device_id: deviceId,
        operation: { type: 'open_shift' },
      }),
    ).toMatchObject({ status: 0 });
    // The device executes the sale, then never answers.
    em.emulator.faults.set({ lose_answer: { mode: 'hang', operations: ['sale'] } });
    const first = postOperation(hub.url, 'caspos-crash-1', body);
    await waitFor(() => em!.emulator.state().documents.some((d) => d.kind === 'sale'), 20_000);
    await hub.kill('SIGKILL');
    expect(await first).toBeNull(); // the client never got an answer

    hub = await startHubProcess(dataDir, port);
    const answer = await postOperation<any>(hub.url, 'caspos-crash-1', body);

    const docs = em.emulator.state().documents.filter((d) => d.kind === 'sale');
    expect(docs).toHaveLength(1);
    const printed = em.emulator.register.readJournal({
      range: { type: 'z_number', start: 1, end: 99 },
      doc_type: 'fiscal_receipts',
    });
    expect(printed).toHaveLength(1);
    const doc = docs[0]!;
    expect(answer).toMatchObject({
      status: 0,
      reconciled: true,
      repeated: true,
      slip_number: doc.number,
      total_cents: 650,
      change_cents: 350,
      document: {
        document_id: doc.id,
        document_number: doc.number,
        short_document_id: doc.short_id,
        shift_document_number: doc.shift_document_number,
      },
    });
    // The sale went twice, under the same documentUUID (the job's id); the second time the device answered code 1.
    const sales = em.emulator.requests
      .filter((r) => r.operation === 'sale')
      .map((r) => toPlain(parseCasposJson(r.body, { lenient: false })) as any);
    expect(sales).toHaveLength(2);
    expect(sales[0].data.documentUUID).toBe(answer.job_id);
    expect(sales[1].data.documentUUID).toBe(answer.job_id);
    expect(doc.uuid).toBe(answer.job_id);
    const job = (await (await fetch(`${hub.url}/jobs/${answer.job_id}`)).json()) as any;
    expect(job).toMatchObject({ state: 'succeeded', attempts: 1 });
    // Asking again gives the same answer, byte for byte, without touching the device.
    const again = await postOperation<any>(hub.url, 'caspos-crash-1', body);
    expect(again).toEqual(answer);
    expect(em.emulator.requests.filter((r) => r.operation === 'sale')).toHaveLength(2);
  }, 90_000);
});
