/** The device error-code table of spec/native-api.md: negative `status`, stable `code`, texts in RO and EN. */

import type { PosResult } from './results.js';

export type Language = 'ro' | 'en';

export const DEVICE_ERRORS = {
  PAPER_OUT: {
    status: -500,
    ro: 'Lipsă hârtie în imprimantă. Puneți o rolă nouă și reîncercați.',
    en: 'The printer is out of paper. Load a new roll and try again.',
  },
  COVER_OPEN: {
    status: -501,
    ro: 'Capacul imprimantei este deschis. Închideți capacul și reîncercați.',
    en: 'The printer cover is open. Close it and try again.',
  },
  RECEIPT_OPEN: {
    status: -502,
    ro: 'Un bon este deja deschis pe casă și nu a putut fi anulat. Anulați-l de la casă și reîncercați.',
    en: 'A receipt is already open on the register and could not be cleared. Cancel it on the register and try again.',
  },
  Z_REPORT_REQUIRED: {
    status: -503,
    ro: 'Au trecut 24 de ore de la ultimul raport Z. Tipăriți raportul Z, apoi reîncercați.',
    en: '24 hours have passed since the last Z report. Print the Z report, then try again.',
  },
  FISCAL_MEMORY_FULL: {
    status: -504,
    ro: 'Memoria fiscală sau jurnalul electronic este plin. Chemați service-ul autorizat.',
    en: 'The fiscal memory or electronic journal is full. Call your authorised service.',
  },
  DEVICE_UNREACHABLE: {
    status: -505,
    ro: 'Casa de marcat nu răspunde. Verificați că este pornită și conectată, apoi reîncercați.',
    en: 'The register does not answer. Check that it is switched on and connected, then try again.',
  },
  DEVICE_REJECTED: {
    status: -506,
    ro: 'Casa de marcat a refuzat comanda.',
    en: 'The register refused the command.',
  },
  VAT_RATE_NOT_PROGRAMMED: {
    status: -507,
    ro: 'Cota de TVA cerută nu este programată pe casa de marcat.',
    en: 'The requested VAT rate is not programmed on the register.',
  },
  PAYMENT_INSUFFICIENT: {
    status: -508,
    ro: 'Plățile nu acoperă totalul bonului.',
    en: 'The payments do not cover the receipt total.',
  },
  NOT_SUPPORTED: {
    status: -509,
    ro: 'Acest tip de casă de marcat nu poate efectua operația.',
    en: 'This register cannot perform that operation.',
  },
  POS_DECLINED: {
    status: -510,
    ro: 'Plata cu cardul a fost refuzată. Cereți altă metodă de plată. Bonul nu a fost tipărit.',
    en: 'The card payment was declined. Ask for another payment method. No receipt was printed.',
  },
  POS_UNREACHABLE: {
    status: -511,
    ro: 'Terminalul de plată nu răspunde. Verificați că este pornit și conectat. Bonul nu a fost tipărit.',
    en: 'The card terminal does not answer. Check that it is on and connected. No receipt was printed.',
  },
  SHIFT_CLOSED: {
    status: -512,
    ro: 'Tura este închisă pe casa de marcat. Deschideți tura și reîncercați.',
    en: 'The shift is closed on the register. Open the shift and try again.',
  },
  IN_DOUBT: {
    status: -513,
    ro: 'Rezultatul operației nu este cunoscut după o întrerupere. Verificați ultimul bon pe casă înainte să reîncercați.',
    en: 'The outcome is unknown after an interruption. Check the last receipt on the register before retrying.',
  },
  POS_CANCELLED: {
    status: -514,
    ro: 'Plata cu cardul a fost anulată (de client sau de la casă). Bonul nu a fost tipărit.',
    en: 'The card payment was cancelled (by the customer or from the till). No receipt was printed.',
  },
  POS_BUSY: {
    status: -515,
    ro: 'Terminalul de plată este ocupat cu altă tranzacție. Așteptați să termine, apoi reîncercați.',
    en: 'The card terminal is busy with another transaction. Wait for it to finish, then try again.',
  },
  POS_TIMEOUT: {
    status: -516,
    ro: 'Timpul de plată a expirat: cardul nu a fost prezentat. Bonul nu a fost tipărit; reîncercați.',
    en: 'The payment timed out: no card was presented. No receipt was printed; try again.',
  },
  POS_NOT_CONFIRMED: {
    status: -517,
    ro: 'Terminalul nu a confirmat plata, iar bonul nu a fost tipărit. Dacă plata a trecut, FisCool o anulează singur; verificați lista „Anulări în așteptare” înainte să încasați din nou.',
    en: 'The terminal did not confirm the payment and no receipt was printed. If the payment went through, FisCool cancels it by itself; check "Pending voids" before charging again.',
  },
  DEVICE_ERROR: {
    status: -599,
    ro: 'Eroare raportată de casa de marcat.',
    en: 'The register reported an error.',
  },
} as const satisfies Record<string, { status: number; ro: string; en: string }>;

export type DeviceErrorCode = keyof typeof DEVICE_ERRORS;

export function deviceErrorText(code: DeviceErrorCode, lang: Language): string {
  return DEVICE_ERRORS[code][lang];
}

/** Thrown by drivers (and the pipeline) for an error that must reach the caller with a stable code. */
export class DeviceError extends Error {
  /** A card terminal's answer that came with the error (a declined transaction with its slip), if any. */
  readonly pos: PosResult | undefined;
  readonly code: DeviceErrorCode;
  /** The device's own code and text, when it gave one (Datecs X error code, Caspos message, …). */
  readonly deviceError: { code: string | number; text?: string } | undefined;
  /** True when the device may have acted (e.g. the connection broke after a command was sent). */
  readonly mayHaveActed: boolean;
  /** Nothing was printed, but an unpaid receipt stays open on the register (it could not cancel it yet). */
  readonly leftOpen: boolean;

  constructor(
    code: DeviceErrorCode,
    detail?: string,
    opts: { deviceError?: { code: string | number; text?: string }; mayHaveActed?: boolean; pos?: PosResult; leftOpen?: boolean } = {},
  ) {
    super(detail ?? code);
    this.pos = opts.pos;
    this.leftOpen = opts.leftOpen ?? false;
    this.name = 'DeviceError';
    this.code = code;
    this.deviceError = opts.deviceError;
    this.mayHaveActed = opts.mayHaveActed ?? false;
  }
}
