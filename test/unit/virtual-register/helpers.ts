import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualRegister, type VirtualRegisterOptions } from '../../../src-main/emulators/virtual-register/virtual-register.js';
import { RegisterError, type RegisterErrorCode } from '../../../src-main/emulators/virtual-register/register-api.js';

/** A fixed host clock: 15 January 2026, 09:00 local time. */
export const T0 = new Date(2026, 0, 15, 9, 0, 0);
export const fixedNow = (): Date => new Date(T0.getTime());

export function makeRegister(opts: VirtualRegisterOptions = {}): VirtualRegister {
  return new VirtualRegister({ now: fixedNow, ...opts });
}

export function tempDirs(): { make(): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    make() {
      const d = mkdtempSync(join(tmpdir(), 'fiscool-vr-'));
      dirs.push(d);
      return d;
    },
    cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** The RegisterError code a call throws (fails the test when it does not throw one). */
export function codeOf(fn: () => unknown): RegisterErrorCode {
  try {
    fn();
  } catch (err) {
    if (err instanceof RegisterError) return err.code;
    throw err;
  }
  throw new Error('expected a RegisterError, nothing was thrown');
}

export function sellOne(r: VirtualRegister, price = 1000, group = 'A'): void {
  r.sell({ description: 'Articol', quantity_thousandths: 1000, unit_price_cents: price, vat_group: group });
}

/** Open, sell one item, pay cash exactly, close. Returns the close result. */
export function quickReceipt(r: VirtualRegister, price = 1000, tag?: string) {
  r.openFiscalReceipt(tag !== undefined ? { tag } : {});
  sellOne(r, price);
  r.pay('cash');
  return r.closeReceipt();
}
