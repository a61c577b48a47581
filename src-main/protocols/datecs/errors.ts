/**
 * Datecs error codes → FisCool's DeviceErrorCode (pure). X codes come in the ErrorCode field of every reply;
 * classic devices signal errors through status bits (and the -1500xx code of command 0x20).
 */
import type { DeviceErrorCode } from '../../domain/error-codes.js';
import type { StatusFlags } from './status.js';

/** X error codes the emulator produces and the driver maps specially, with a short English meaning. */
export const X_ERRORS = {
  FM_FULL: -100114,
  PAPER_OUT: -100403,
  COVER_OPEN: -100404,
  WRONG_PASSWORD: -102002,
  EJ_FULL: -105010,
  INVALID_VALUE: -111002,
  FORBIDDEN_VAT: -111005,
  RECEIPT_ALREADY_OPEN: -111015,
  RECEIPT_CLOSED: -111016,
  PAYMENT_STARTED: -111018,
  NO_TRANSACTIONS: -111020,
  BLOCK_24H: -111024,
  FISCAL_RECEIPT_OPEN: -111047,
  PAYMENT_NOT_STARTED: -111050,
  SUM_TOO_BIG: -111063,
  NOT_FULLY_PAID: -111064,
  BUYER_DATA_WRONG: -111074,
  CASH_NOT_ENOUGH: -111054,
  INVALID_COMMAND: -112000,
  SYNTAX: -112001,
  NOT_PERMITTED: -112002,
  PC_MODE_NEEDED: -112005,
  NO_PAPER: -112006,
  COVER_OPEN_FP: -112007,
  /** End of the EJ selection while reading line by line [I: code chosen by FisCool]. */
  EJ_NO_MORE_DATA: -105017,
} as const;

/** Classic (-1500xx) codes of command 0x20. */
export const CLASSIC_ERRORS = {
  SYNTAX: -150001,
  INVALID_COMMAND: -150002,
  NOT_PERMITTED: -150003,
  OUT_OF_PAPER: -150101,
  RECEIPT_OPEN: -150200,
  NO_RECEIPT_OPEN: -150201,
  BLOCK_24H: -150204,
  INVALID_VAT: -150402,
  NOT_FULLY_PAID: -150412,
} as const;

export function mapDatecsErrorCode(code: number): DeviceErrorCode {
  switch (code) {
    case -100403:
    case -112006:
    case -150101:
      return 'PAPER_OUT';
    case -100404:
    case -112007:
      return 'COVER_OPEN';
    case -111024:
    case -150204:
    case -104000:
      return 'Z_REPORT_REQUIRED';
    case -100114:
    case -105010:
      return 'FISCAL_MEMORY_FULL';
    case -111015:
    case -111047:
    case -150200:
      return 'RECEIPT_OPEN';
    case -111005:
    case -150402:
    case -150403:
    case -102009:
      return 'VAT_RATE_NOT_PROGRAMMED';
    case -111064:
    case -150412:
      return 'PAYMENT_INSUFFICIENT';
    case -112000:
    case -150002:
      return 'NOT_SUPPORTED';
    default:
      if (code <= -111000 && code > -113000) return 'DEVICE_REJECTED';
      if (code <= -150000 && code > -151000) return 'DEVICE_REJECTED'; // classic -1500xx … -1504xx
      return 'DEVICE_ERROR';
  }
}

/** The error the status bits announce, when they announce one (paper, cover, syntax, …). */
export function errorFromStatus(flags: StatusFlags): DeviceErrorCode | null {
  if (flags.paper_out) return 'PAPER_OUT';
  if (flags.cover_open) return 'COVER_OPEN';
  if (flags.fm_full || flags.ej_full) return 'FISCAL_MEMORY_FULL';
  if (flags.invalid_command) return 'NOT_SUPPORTED';
  if (flags.syntax_error || flags.command_not_permitted || flags.overflow || flags.printer_failure) return 'DEVICE_REJECTED';
  return null;
}

/** A short hint for the cashier per device code, RO + EN, for codes whose generic text is not enough. */
export const DATECS_HINTS: Record<number, { ro: string; en: string }> = {
  [-112005]: {
    ro: 'Puneți casa de marcat în modul PC (mod 6) și reîncercați.',
    en: 'Put the register in PC mode (mode 6) and try again.',
  },
  [-102002]: {
    ro: 'Parola operatorului este greșită. Verificați setările casei în FisCool.',
    en: 'Wrong operator password. Check the register settings in FisCool.',
  },
  [-111019]: {
    ro: 'Bonul are prea multe articole pentru casa de marcat. Împărțiți-l în mai multe bonuri.',
    en: 'The receipt has more items than the register allows. Split it into several receipts.',
  },
  [-111074]: {
    ro: 'Casa a refuzat codul fiscal (CUI) al cumpărătorului. Verificați-l.',
    en: "The register refused the buyer's fiscal code (CUI). Check it.",
  },
  [-105009]: {
    ro: 'Jurnalul electronic este aproape plin. Anunțați service-ul autorizat.',
    en: 'The electronic journal is almost full. Tell your authorised service.',
  },
  [-110104]: {
    ro: 'Casa de marcat nu este fiscalizată. Chemați service-ul autorizat.',
    en: 'The register is not fiscalised. Call your authorised service.',
  },
};

/** The detail attached to a DeviceError for a device code: the hint in the cashier's language, plus the code. */
export function datecsErrorDetail(code: number, cmd: number, lang: 'ro' | 'en'): string {
  const hint = DATECS_HINTS[code];
  return hint ? `${hint[lang]} [Datecs ${code}, cmd ${cmd}]` : `Datecs ${code}, cmd ${cmd}`;
}
