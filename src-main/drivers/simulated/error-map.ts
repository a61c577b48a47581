/** RegisterError → DeviceError, keeping the register's own code and text in `deviceError`. Pure. */
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

export function toDeviceError(err: unknown): DeviceError {
  if (err instanceof DeviceError) return err;
  if (err instanceof RegisterError) {
    const code = MAP[err.code] ?? 'DEVICE_REJECTED';
    return new DeviceError(code, err.message, { deviceError: { code: err.code, text: err.message } });
  }
  const text = err instanceof Error ? err.message : String(err);
  return new DeviceError('DEVICE_ERROR', text, { deviceError: { code: 'INTERNAL', text } });
}
