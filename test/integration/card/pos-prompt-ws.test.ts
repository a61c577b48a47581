/**
 * `pos_prompt` WebSocket events while a card payment runs: waiting for the card, PIN, processing, approved or
 * declined — for the simulated terminal (which reports every stage) and the Viva terminal (whose API reports only
 * "processing" until the end), in Romanian by default.
 */
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cardReceipt, saleReference, startLinkedHub, type LinkedHub } from './linked-hub.js';

const hubs: LinkedHub[] = [];
afterAll(async () => {
  for (const h of hubs) await h.close();
});

async function subscribed(h: LinkedHub): Promise<{ ws: WebSocket; msgs: any[] }> {
  const ws = new WebSocket(h.t.url.replace('http', 'ws') + '/ws');
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const msgs: any[] = [];
  ws.on('message', (d) => msgs.push(JSON.parse(d.toString())));
  ws.send(JSON.stringify({ id: 'sub', action: 'subscribe', payload: { topics: ['devices'] } }));
  for (let i = 0; i < 200 && !msgs.some((m) => m.id === 'sub'); i++) await new Promise((r) => setTimeout(r, 10));
  return { ws, msgs };
}

const FINAL = new Set(['approved', 'declined', 'cancelled', 'timeout']);
/** The prompts of one payment, once its final one arrived (frames may trail the HTTP answer). */
async function promptsOf(msgs: any[], reference: string): Promise<any[]> {
  const of = () => msgs.filter((m) => m.event === 'pos_prompt' && m.data.reference === reference).map((m) => m.data);
  for (let i = 0; i < 300 && !of().some((p) => FINAL.has(p.stage)); i++) await new Promise((r) => setTimeout(r, 10));
  return of();
}

describe('pos_prompt events', () => {
  it('simulated terminal: waiting for the card, PIN, processing, approved — then a decline', async () => {
    const h = await startLinkedHub({ family: 'simulated', posOptions: { delays: { card_ms: 60, pin_ms: 60, auth_ms: 60 } } });
    hubs.push(h);
    const { ws, msgs } = await subscribed(h);
    const r = await h.t.post('/devices/operation', cardReceipt(h.fiscalId, 15_000));
    expect(r.body.status).toBe(0);
    const ok = await promptsOf(msgs, saleReference(r.body.job_id));
    expect(ok.map((p) => p.stage)).toEqual(['waiting_for_card', 'pin', 'processing', 'approved']);
    expect(ok[0]).toMatchObject({ device_id: h.posId, operation_type: 'sale', amount_cents: 15_000, text: 'Apropiați sau introduceți cardul' });
    expect(ok[1].text).toBe('Introduceți PIN-ul pe terminal');
    const d = await h.t.post('/devices/operation', cardReceipt(h.fiscalId, 3051));
    expect(d.body.code).toBe('POS_DECLINED');
    expect((await promptsOf(msgs, saleReference(d.body.job_id))).map((p) => p.stage)).toEqual(['waiting_for_card', 'processing', 'declined']);
    ws.close();
  });

  it('Viva terminal: waiting for the card, then approved; declined with the terminal message; English when set', async () => {
    const h = await startLinkedHub();
    hubs.push(h);
    const { ws, msgs } = await subscribed(h);
    h.emu!.setDelays({ card_ms: 100 });
    const r = await h.t.post('/devices/operation', cardReceipt(h.fiscalId, 2500));
    expect((await promptsOf(msgs, saleReference(r.body.job_id))).map((p) => p.stage)).toEqual(['waiting_for_card', 'approved']);
    await h.t.post('/manage/save_settings', { language: 'en' });
    const d = await h.t.post('/devices/operation', cardReceipt(h.fiscalId, 2551));
    const declined = await promptsOf(msgs, saleReference(d.body.job_id));
    expect(declined.map((p) => p.stage)).toEqual(['waiting_for_card', 'declined']);
    expect(declined[1]).toMatchObject({ text: 'Payment declined', detail: expect.stringMatching(/insufficient/i) });
    ws.close();
  });
});
