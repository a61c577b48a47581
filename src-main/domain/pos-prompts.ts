/**
 * What the card terminal asks of the customer while a payment runs (`pos_prompt` events), with the texts the
 * cashier's screen shows in Romanian and English. Pure.
 */
import type { Language } from './error-codes.js';

export const POS_PROMPT_STAGES = [
  'waiting_for_card',
  'pin',
  'processing',
  'approved',
  'declined',
  'cancelled',
  'timeout',
  'not_confirmed',
] as const;
export type PosPromptStage = (typeof POS_PROMPT_STAGES)[number];

/** A driver's report of the stage a transaction reached. */
export interface PosPromptUpdate {
  stage: PosPromptStage;
  /** The terminal's own message, when it gave one. */
  detail?: string;
}

/** The `pos_prompt` event: which terminal, which job (and the ECR reference, `receipt-<job>` for linked receipts). */
export interface PosPromptEvent {
  device_id: string;
  job_id: string;
  reference: string | null;
  operation_type: string;
  amount_cents: number | null;
  stage: PosPromptStage;
  text: string;
  detail?: string;
}

const TEXTS: Record<PosPromptStage, Record<Language, string>> = {
  waiting_for_card: { ro: 'Apropiați sau introduceți cardul', en: 'Tap or insert the card' },
  pin: { ro: 'Introduceți PIN-ul pe terminal', en: 'Enter the PIN on the terminal' },
  processing: { ro: 'Se autorizează plata…', en: 'Authorising the payment…' },
  approved: { ro: 'Plată aprobată', en: 'Payment approved' },
  declined: { ro: 'Plată refuzată', en: 'Payment declined' },
  cancelled: { ro: 'Plată anulată', en: 'Payment cancelled' },
  timeout: { ro: 'Timpul a expirat: cardul nu a fost prezentat', en: 'Timed out: no card was presented' },
  not_confirmed: { ro: 'Terminalul nu a confirmat plata', en: 'The terminal did not confirm the payment' },
};

export function promptText(stage: PosPromptStage, lang: Language): string {
  return TEXTS[stage][lang];
}
