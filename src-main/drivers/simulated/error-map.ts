/**
 * RegisterError → DeviceError. `deviceError` keeps the register's own code and a "ro / en" text (a Romanian
 * register explains its codes in Romanian, cmd 100); the English detail says exactly what was refused. Pure.
 */
import { DeviceError, type DeviceErrorCode } from '../../domain/error-codes.js';
import { RegisterError, type RegisterErrorCode } from '../../emulators/virtual-register/register-api.js';

const MAP: Partial<Record<RegisterErrorCode, DeviceErrorCode>> = {
  PAPER_OUT: 'PAPER_OUT',
  COVER_OPEN: 'COVER_OPEN',
  Z_REQUIRED: 'Z_REPORT_REQUIRED',
  FISCAL_MEMORY_FULL: 'FISCAL_MEMORY_FULL',
  VAT_GROUP_UNKNOWN: 'VAT_RATE_NOT_PROGRAMMED',
  PAYMENT_NOT_COMPLETE: 'PAYMENT_INSUFFICIENT',
  RECEIPT_OPEN: 'RECEIPT_OPEN',
  DISCONNECTED: 'DEVICE_UNREACHABLE',
};

/** The register's short Romanian text per code. */
export const REGISTER_TEXT_RO: Record<RegisterErrorCode, string> = {
  PAPER_OUT: 'Lipsă hârtie',
  COVER_OPEN: 'Capac deschis',
  RECEIPT_OPEN: 'Bon deschis',
  NO_RECEIPT_OPEN: 'Niciun bon deschis',
  WRONG_RECEIPT_KIND: 'Comandă nepermisă în acest tip de bon',
  Z_REQUIRED: 'Au trecut 24 de ore: raport Z necesar',
  FISCAL_MEMORY_FULL: 'Memorie fiscală plină',
  VAT_GROUP_UNKNOWN: 'Cotă TVA neprogramată',
  PAYMENT_NOT_COMPLETE: 'Plata nu acoperă totalul',
  PAYMENT_STARTED: 'Plata a început: nu se mai pot vinde articole',
  NON_CASH_EXCEEDS: 'Plata fără numerar depășește restul de plată',
  INVALID_VALUE: 'Valoare nevalidă',
  DISCOUNT_NOT_ALLOWED: 'Discount nepermis (doar unul pe subtotal)',
  CASH_NOT_ENOUGH: 'Numerar insuficient în sertar',
  NOTHING_TO_DUPLICATE: 'Nu există bon pentru duplicat',
  DISCONNECTED: 'Casa nu răspunde',
};

export function toDeviceError(err: unknown): DeviceError {
  if (err instanceof DeviceError) return err;
  if (err instanceof RegisterError) {
    const code = MAP[err.code] ?? 'DEVICE_REJECTED';
    return new DeviceError(code, err.message, { deviceError: { code: err.code, text: `${REGISTER_TEXT_RO[err.code]} / ${err.message}` } });
  }
  const text = err instanceof Error ? err.message : String(err);
  return new DeviceError('DEVICE_ERROR', text, { deviceError: { code: 'INTERNAL', text } });
}
