/** Virtual-register errors → what a Datecs device answers: X error code, classic -1500xx code, status flags. */
import { CLASSIC_ERRORS, X_ERRORS } from '../../protocols/datecs/errors.js';
import type { StatusFlag } from '../../protocols/datecs/status.js';
import type { RegisterErrorCode } from '../virtual-register/register-api.js';

export interface WireError {
  x: number;
  classic: number;
  /** The status bit a classic device raises for it (X devices raise it too). */
  flag: StatusFlag;
}

export const REGISTER_ERROR_MAP: Record<RegisterErrorCode, WireError> = {
  PAPER_OUT: { x: X_ERRORS.PAPER_OUT, classic: CLASSIC_ERRORS.OUT_OF_PAPER, flag: 'paper_out' },
  COVER_OPEN: { x: X_ERRORS.COVER_OPEN, classic: -150102, flag: 'cover_open' },
  RECEIPT_OPEN: { x: X_ERRORS.RECEIPT_ALREADY_OPEN, classic: CLASSIC_ERRORS.RECEIPT_OPEN, flag: 'command_not_permitted' },
  NO_RECEIPT_OPEN: { x: X_ERRORS.RECEIPT_CLOSED, classic: CLASSIC_ERRORS.NO_RECEIPT_OPEN, flag: 'command_not_permitted' },
  WRONG_RECEIPT_KIND: { x: X_ERRORS.NOT_PERMITTED, classic: CLASSIC_ERRORS.NOT_PERMITTED, flag: 'command_not_permitted' },
  Z_REQUIRED: { x: X_ERRORS.BLOCK_24H, classic: CLASSIC_ERRORS.BLOCK_24H, flag: 'command_not_permitted' },
  FISCAL_MEMORY_FULL: { x: X_ERRORS.FM_FULL, classic: -150300, flag: 'fm_full' },
  VAT_GROUP_UNKNOWN: { x: X_ERRORS.FORBIDDEN_VAT, classic: CLASSIC_ERRORS.INVALID_VAT, flag: 'command_not_permitted' },
  PAYMENT_NOT_COMPLETE: { x: X_ERRORS.NOT_FULLY_PAID, classic: CLASSIC_ERRORS.NOT_FULLY_PAID, flag: 'command_not_permitted' },
  PAYMENT_STARTED: { x: X_ERRORS.PAYMENT_STARTED, classic: -150407, flag: 'command_not_permitted' },
  NON_CASH_EXCEEDS: { x: X_ERRORS.SUM_TOO_BIG, classic: -150415, flag: 'command_not_permitted' },
  INVALID_VALUE: { x: X_ERRORS.INVALID_VALUE, classic: CLASSIC_ERRORS.SYNTAX, flag: 'syntax_error' },
  DISCOUNT_NOT_ALLOWED: { x: X_ERRORS.NOT_PERMITTED, classic: CLASSIC_ERRORS.NOT_PERMITTED, flag: 'command_not_permitted' },
  CASH_NOT_ENOUGH: { x: X_ERRORS.CASH_NOT_ENOUGH, classic: -150413, flag: 'command_not_permitted' },
  NOTHING_TO_DUPLICATE: { x: X_ERRORS.NOT_PERMITTED, classic: CLASSIC_ERRORS.NOT_PERMITTED, flag: 'command_not_permitted' },
  DISCONNECTED: { x: X_ERRORS.NOT_PERMITTED, classic: CLASSIC_ERRORS.NOT_PERMITTED, flag: 'command_not_permitted' },
};

/** Device texts for command 100 (explain an error code) and 0x20 (last error), Romanian as the device prints. */
export const ERROR_TEXTS: Record<number, string> = {
  [X_ERRORS.PAPER_OUT]: 'Lipsa hartie',
  [X_ERRORS.COVER_OPEN]: 'Capac deschis',
  [X_ERRORS.RECEIPT_ALREADY_OPEN]: 'Bon deja deschis',
  [X_ERRORS.RECEIPT_CLOSED]: 'Bonul este inchis',
  [X_ERRORS.BLOCK_24H]: 'Blocare 24h - Raport Z necesar',
  [X_ERRORS.FM_FULL]: 'Memorie fiscala plina',
  [X_ERRORS.FORBIDDEN_VAT]: 'Cota TVA interzisa',
  [X_ERRORS.NOT_FULLY_PAID]: 'Suma introdusa mai mica',
  [X_ERRORS.PAYMENT_STARTED]: 'Plata a inceput',
  [X_ERRORS.SUM_TOO_BIG]: 'Suma introdusa mai mare',
  [X_ERRORS.INVALID_VALUE]: 'Sintaxa gresita',
  [X_ERRORS.NOT_PERMITTED]: 'Comanda nepermisa',
  [X_ERRORS.CASH_NOT_ENOUGH]: 'Numerar insuficient',
  [X_ERRORS.INVALID_COMMAND]: 'Comanda invalida',
  [X_ERRORS.SYNTAX]: 'Sintaxa invalida',
  [X_ERRORS.PC_MODE_NEEDED]: 'Mod PC necesar',
};
