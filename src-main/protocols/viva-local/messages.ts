/**
 * Viva Local Terminal API messages (REST/JSON on the terminal's LAN address, paths under /pos/v1): the request
 * bodies FisCool sends and the terminal's answers, as zod schemas shared by the driver and the emulator. Field
 * names and meanings: docs/devices/viva-local.md (sources [S12][S15][S16][S17]). Pure.
 */
import { z } from 'zod';

export const VIVA_PATHS = {
  sale: '/pos/v1/sale',
  refund: '/pos/v1/refund',
  abort: '/pos/v1/abort',
  session: (sessionId: string) => `/pos/v1/sessions/${encodeURIComponent(sessionId)}`,
  sessionPrefix: '/pos/v1/sessions/',
} as const;

/** RON as the ISO 4217 numeric code; clients send it as a string ("978" is the default) or a number [S15][S17][S18]. */
export const RON_CURRENCY_CODE = '946';

const sessionId = z.string().min(1).max(64);
const minorUnits = z.number().int().min(1).max(99_999_999_999);
const currencyCode = z.union([z.string().regex(/^\d{3}$/), z.number().int().min(1).max(999)]);

/** POST /pos/v1/sale. Unknown fields are ignored (the AADE and ISV fields FisCool never sends). */
export const SaleRequest = z.looseObject({
  sessionId,
  amount: minorUnits,
  merchantReference: z.string().max(128).optional(),
  customerTrns: z.string().max(2048).optional(),
  preauth: z.boolean().optional(),
  tipAmount: z.number().int().min(0).optional(),
  showTransactionResult: z.boolean().optional(),
  showReceipt: z.boolean().optional(),
  currencyCode: currencyCode.optional(),
  saleToAcquirerData: z.string().optional(),
  maxInstalments: z.number().int().min(0).optional(),
});
export type SaleRequest = z.infer<typeof SaleRequest>;

/** POST /pos/v1/refund: a refund of (part of) a sale known by Viva's transactionId; same-day full amount = void. */
export const RefundRequest = z.looseObject({
  sessionId,
  amount: minorUnits,
  transactionId: z.string().min(1).max(64),
  orderCode: z.number().int().optional(),
  shortOrderCode: z.number().int().optional(),
  merchantReference: z.string().max(128).optional(),
  customerTrns: z.string().max(2048).optional(),
  currencyCode: currencyCode.optional(),
  showTransactionResult: z.boolean().optional(),
  showReceipt: z.boolean().optional(),
  txnDateFrom: z.string().optional(),
  txnDateTo: z.string().optional(),
});
export type RefundRequest = z.infer<typeof RefundRequest>;

export const AbortRequest = z.looseObject({ sessionId });
export type AbortRequest = z.infer<typeof AbortRequest>;

export type SessionType = 'SALE' | 'CANCEL';
export type StartState = 'PROCESSING' | 'BUSY_ERROR' | 'SERVER_ERROR' | 'SESSION_NOT_FOUND_ERROR';
export type SessionState = 'SUCCESS' | 'FAILURE' | 'PROCESSING' | 'SESSION_NOT_FOUND_ERROR' | 'SERVER_ERROR';

/** The immediate answer to sale / refund / abort. */
export interface StartAnswer {
  state: StartState;
  sessionId: string;
  sessionType: SessionType;
}

/** `payloadData.saleResponse` (refunds: `cancelResponse`, same fields), as far as public clients show it. */
export interface TransactionResponse {
  isSuccess: boolean;
  eventId: number;
  message: string;
  transactionId: string | null;
  tid: string | null;
  retrievalReferenceNumber: string | null;
  /** STAN. */
  referenceNumber: number | null;
  authorizationId: string | null;
  primaryAccountNumberMasked: string | null;
  applicationLabel: string | null;
  aid: string | null;
  panEntryMode: string | null;
  verificationMethod: string | null;
  transactionDate: string | null;
  amount: number;
  tipAmount: number;
  installments: number;
  orderCode: string | null;
  shortOrderCode: string | null;
  /** 5 sale, 4 refund. */
  transactionTypeId: number;
  isAbortRequested: boolean;
  merchantApproved?: boolean;
}

export interface SessionAnswer {
  state: SessionState;
  sessionId: string;
  sessionType?: SessionType;
  payloadData?: { saleResponse?: TransactionResponse; cancelResponse?: TransactionResponse };
}

const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? null : String(v)));
const num = z.union([z.number(), z.string().regex(/^-?\d+$/)]).nullish().transform((v) => (v === null || v === undefined ? null : Number(v)));

/** How the driver reads a transaction response: lenient on number-or-string fields the clients disagree on. */
export const TransactionResponseIn = z.looseObject({
  isSuccess: z.boolean().optional().default(false),
  eventId: num,
  message: text,
  transactionId: text,
  tid: text,
  retrievalReferenceNumber: text,
  referenceNumber: text,
  authorizationId: text,
  primaryAccountNumberMasked: text,
  applicationLabel: text,
  transactionDate: text,
  amount: num,
  transactionTypeId: num,
  isAbortRequested: z.boolean().optional(),
});
export type TransactionResponseIn = z.infer<typeof TransactionResponseIn>;

export const SessionAnswerIn = z.looseObject({
  state: z.string(),
  sessionId: z.string().optional(),
  sessionType: z.string().optional(),
  payloadData: z
    .looseObject({ saleResponse: TransactionResponseIn.optional(), cancelResponse: TransactionResponseIn.optional() })
    .nullish(),
});
export type SessionAnswerIn = z.infer<typeof SessionAnswerIn>;
