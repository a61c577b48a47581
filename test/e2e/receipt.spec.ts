/**
 * The manual receipt in Chromium against a real headless hub and its simulated register: typed only with the
 * keyboard, printed exactly once whatever the cashier or the network does (double click, a lost answer, a hub
 * restart), numbers typed the Romanian way, the hub's refusals explained at the field.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { lastReceiptNumber } from './registers.js';

interface JobBody {
  state: string;
  idempotency_key: string;
  operation: { type: string; lines: Array<Record<string, unknown>>; payments?: Array<{ method: string; amount_cents: number }>; receipt_discount?: unknown };
  result?: { slip_number?: number; total_cents?: number; change_cents?: number };
}

const printButton = (app: Page) => app.getByTestId('print-button');

async function typeLine(app: Page, n: number, description: string, price: string) {
  await app.getByLabel(`Descriere ${n}`).fill(description);
  await app.getByLabel(`Preț ${n}`).fill(price);
}

test('a 3-item receipt with a line discount, a discount on the total, card + cash and change — keyboard only', async ({ app, hub }) => {
  const before = await lastReceiptNumber(hub, hub.registerId);
  const k = app.keyboard;
  await k.press('F2'); // the first item line
  await expect(app.getByLabel('Descriere 1')).toBeFocused();
  await k.type('Pâine albă');
  await k.press('Enter');
  await k.type('2'); // quantity (selected when entered)
  await k.press('Enter');
  await k.type('buc');
  await k.press('Enter');
  await k.type('4,20');
  await k.press('Enter'); // VAT group A stays
  await k.press('Enter');
  await k.press('ArrowDown'); // − %
  await k.press('Enter');
  await k.type('10');
  await k.press('Enter'); // last field of the line: a new line, focused
  await expect(app.getByLabel('Descriere 2')).toBeFocused();
  await k.type('Apă plată 2L');
  await k.press('Enter');
  await k.press('Enter');
  await k.press('Enter');
  await k.type('6.90'); // a point works as well
  await k.press('Enter');
  await k.press('ArrowDown'); // VAT group B
  await k.press('Enter');
  await k.press('Enter'); // no discount: its value field is skipped, a new line comes
  await k.type('Cafea boabe');
  await k.press('Enter');
  await k.type('3');
  await k.press('Enter');
  await k.press('Enter');
  await k.type('1.234,50'); // thousands and decimals, the Romanian way
  await k.press('Enter');
  await k.press('Enter');
  await k.press('Enter');
  await expect(app.getByTestId('receipt-total')).toContainText('3.717,96');
  await k.press('F4'); // discount on the total
  await k.press('ArrowDown');
  await k.press('ArrowDown'); // − lei
  await k.press('Enter');
  await k.type('17,96');
  await expect(app.getByTestId('receipt-total')).toContainText('3.700,00');
  await k.press('F6'); // a second payment: card
  await k.press('Enter');
  await k.type('3000');
  await k.press('Shift+Tab');
  await k.press('Shift+Tab'); // back to the first payment's amount (cash)
  await k.type('1000');
  await expect(app.getByTestId('receipt-change')).toContainText('300,00');
  await k.press('F9');

  const printed = app.getByTestId('receipt-printed');
  await expect(printed).toContainText('Total 3.700,00 lei');
  await expect(printed).toContainText('Rest de dat: 300,00 lei');
  await expect(printed).toContainText(/Card aprobat, cod de autorizare \d+/);
  await expect(printButton(app)).toBeDisabled();
  const job = await hub.api<JobBody>(`/jobs/${await printed.getAttribute('data-job-id')}`);
  expect(job.operation.lines).toEqual([
    expect.objectContaining({ description: 'Pâine albă', quantity_thousandths: 2000, um: 'buc', unit_price_cents: 420, vat: 'A', discount: { kind: 'percent', basis_points: 1000 } }),
    expect.objectContaining({ description: 'Apă plată 2L', quantity_thousandths: 1000, unit_price_cents: 690, vat: 'B' }),
    expect.objectContaining({ description: 'Cafea boabe', quantity_thousandths: 3000, unit_price_cents: 123_450, vat: 'A' }),
  ]);
  expect(job.operation.receipt_discount).toEqual({ kind: 'amount', amount_cents: 1796 });
  // the register takes payments in order and gives change in cash only: the card goes first
  expect(job.operation.payments).toEqual([
    { method: 'card', amount_cents: 300_000 },
    { method: 'cash', amount_cents: 100_000 },
  ]);
  expect(job.result).toMatchObject({ total_cents: 370_000, change_cents: 30_000 });
  expect(await lastReceiptNumber(hub, hub.registerId)).toBe(before + 1);

  // New receipt (F8): an empty draft, ready for the next customer
  await k.press('F8');
  await expect(app.getByTestId('receipt-printed')).toHaveCount(0);
  await expect(app.getByLabel('Descriere 1')).toHaveValue('');
  await expect(app.getByLabel('Descriere 1')).toBeFocused();
});

test('a double click, F9 pressed again and Print after success print one receipt', async ({ app, hub }) => {
  const before = await lastReceiptNumber(hub, hub.registerId);
  await typeLine(app, 1, 'Covrig', '2,50');
  await printButton(app).dblclick();
  await app.keyboard.press('F9');
  await expect(app.getByTestId('receipt-printed')).toContainText('Total 2,50 lei');
  await app.keyboard.press('F9');
  await printButton(app).click({ force: true }).catch(() => undefined);
  await app.waitForTimeout(500);
  expect(await lastReceiptNumber(hub, hub.registerId)).toBe(before + 1);
  const jobs = await hub.api<{ jobs: JobBody[] }>('/jobs?limit=20');
  expect(jobs.jobs.filter((j) => j.operation.type === 'print_receipt' && j.operation.lines[0]?.description === 'Covrig')).toHaveLength(1);
  // the form is locked until a new receipt is started
  await expect(app.getByLabel('Descriere 1')).toBeDisabled();
});

test('the answer is lost and the hub restarts: Retry replays the original receipt, the register prints it once', async ({ app, hub }) => {
  const before = await lastReceiptNumber(hub, hub.registerId);
  await typeLine(app, 1, 'Ciocolată', '7,80');
  let firstAnswer: { job_id: string; slip_number: number } | null = null;
  // The request reaches the hub and prints, but the answer never reaches the browser.
  await app.route(
    '**/devices/operation',
    async (route) => {
      firstAnswer = (await (await route.fetch()).json()) as { job_id: string; slip_number: number };
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await app.keyboard.press('F9');
  const unknown = app.getByTestId('receipt-unknown');
  await expect(unknown).toContainText('Nu știm încă dacă s-a tipărit');
  await expect(unknown).toContainText('nu se tipărește de două ori');
  await expect(printButton(app)).toContainText('Reîncearcă');
  await expect(app.getByLabel('Descriere 1')).toBeDisabled();
  expect(firstAnswer).not.toBeNull();

  await hub.kill();
  await hub.relaunch();
  await app.reload(); // the draft and its key survive a reload too
  await expect(app.getByTestId('hub-link')).toHaveClass(/online/, { timeout: 20_000 });
  await expect(printButton(app)).toContainText('Reîncearcă');
  await app.keyboard.press('F9');
  const printed = app.getByTestId('receipt-printed');
  await expect(printed).toContainText(`Bon nr. ${firstAnswer!.slip_number} tipărit`);
  await expect(printed).toHaveAttribute('data-job-id', firstAnswer!.job_id);
  expect(await lastReceiptNumber(hub, hub.registerId)).toBe(before + 1);
  const job = await hub.api<JobBody>(`/jobs/${firstAnswer!.job_id}`);
  expect(job.idempotency_key).toMatch(/^native:gui-/);
});

test('the hub is killed (kill -9) in the middle of the receipt: after the restart Retry gets its one outcome', async ({ app, hub }) => {
  // a register that takes the time a real one takes (115200 baud, 25 ms a printed line)
  const saved = await hub.api<{ device: { id: string } }>('/manage/save_fiscal_device', {
    name: 'Casă lentă',
    manufacturer: 'FisCool',
    model: 'Simulated',
    connection_details: { type: 'None' },
    options: { timing: 'realistic' },
  });
  const id = saved.device.id;
  await app.locator(`[data-testid=fiscal-devices] li[data-device-id="${id}"] .device-pick`).click();
  await expect(app.getByTestId('receipt-panel')).toContainText('pe Casă lentă');
  await expect(app.locator(`[data-testid=fiscal-devices] li[data-device-id="${id}"] .badge`)).toHaveText('Conectat');
  const before = await lastReceiptNumber(hub, id);
  for (let n = 1; n <= 12; n++) {
    if (n > 1) await app.keyboard.press('F2');
    await typeLine(app, n, `Articol ${n}`, `${n},10`);
  }
  const sent = app.waitForRequest('**/devices/operation');
  await app.keyboard.press('F9');
  await sent;
  await app.waitForTimeout(250); // the register is printing
  await hub.crash();
  await expect(app.getByTestId('receipt-unknown')).toBeVisible();
  await hub.relaunch();
  await expect(app.getByTestId('hub-link')).toHaveClass(/online/, { timeout: 20_000 });
  await app.keyboard.press('F9');
  const printed = app.getByTestId('receipt-printed');
  await expect(printed).toContainText(/Bon nr\. \d+ tipărit/, { timeout: 30_000 });
  await expect(printed).toContainText('Total 79,20 lei');
  // whatever the crash interrupted, the register closed exactly one receipt for this draft
  expect(await lastReceiptNumber(hub, id)).toBe(before + 1);
  const jobs = await hub.api<{ jobs: JobBody[] }>(`/jobs?device_id=${id}&limit=50`);
  expect(jobs.jobs.filter((j) => j.operation.type === 'print_receipt')).toHaveLength(1);
  await hub.api('/manage/delete_fiscal_device', { id });
});

test('a refusal (a card above the total) frees the draft: it is corrected and printed under a new key', async ({ app, hub }) => {
  await typeLine(app, 1, 'Lapte', '5,10');
  await app.getByLabel('plata 1', { exact: true }).selectOption('card');
  await app.getByLabel('plata 1, sumă').fill('999');
  await app.keyboard.press('F9');
  const notice = app.getByTestId('error-notice');
  await expect(notice).toContainText('Date de corectat');
  await expect(notice).toContainText('Câmp: plăți');
  await expect(notice).toContainText('cardul și tichetele nu pot depăși totalul');
  await expect(notice.getByTestId('error-detail')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Detalii' }).click();
  await expect(notice.getByTestId('error-detail')).toContainText('non-cash payments may not exceed');
  await app.getByLabel('plata 1, sumă').fill('');
  await app.keyboard.press('F9');
  await expect(app.getByTestId('receipt-printed')).toContainText('Total 5,10 lei');
  const job = await hub.api<JobBody>(`/jobs/${await app.getByTestId('receipt-printed').getAttribute('data-job-id')}`);
  expect(job.operation.payments).toEqual([{ method: 'card', amount_cents: 510 }]);
});

test('an ambiguous amount is caught with a clear message; a wrong buyer code is shown at its field before printing', async ({ app, hub }) => {
  const before = (await hub.api<{ jobs: unknown[] }>('/jobs?limit=1000')).jobs.length;
  await typeLine(app, 1, 'Cutie', '1.234');
  await app.keyboard.press('F9');
  const notice = app.getByTestId('error-notice');
  await expect(notice).toContainText('Număr ambiguu');
  await expect(notice).toContainText('„1.234” se poate citi în două feluri');
  await app.getByLabel('Preț 1').fill('12,34');
  await app.getByLabel('CUI/CIF').fill('RO12345678');
  const problem = app.getByTestId('preview-problem');
  await expect(problem).toContainText('Câmp: CUI/CIF');
  await expect(problem).toContainText('cifra de control');
  await app.getByLabel('CUI/CIF').fill('RO18547290');
  await expect(problem).toHaveCount(0);
  await expect(app.getByTestId('receipt-total')).toContainText('12,34');
  expect((await hub.api<{ jobs: unknown[] }>('/jobs?limit=1000')).jobs.length).toBe(before);
});
