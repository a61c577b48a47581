/**
 * The hub's short texts in the three text languages: device status words and operation success messages. RO and EN
 * come from the hub's own tables (domain/), Azerbaijani is added here.
 */
import { DEVICE_STATUS_TEXT, type DeviceStatus } from '../../domain/device-config.js';
import { SUCCESS_MESSAGES } from '../../domain/results.js';
import type { TextLanguage } from './text-language.js';

const STATUS_AZ: Record<DeviceStatus, string> = {
  Connected: 'Qoşulub',
  Connecting: 'Qoşulur',
  Disconnected: 'Qoşulmayıb',
  Busy: 'Məşğuldur',
  Error: 'Xəta',
  Disabled: 'Söndürülüb',
};

const SUCCESS_AZ: Record<string, string> = {
  print_receipt: 'Qəbz çap olundu',
  print_refund: 'Qaytarma qəbzi çap olundu',
  print_x: 'X hesabatı çap olundu',
  print_z: 'Z hesabatı çap olundu',
  deposit_cash: 'Nağd pul qoyuldu',
  withdraw_cash: 'Nağd pul götürüldü',
  je_report: 'Elektron jurnal hesabatı',
  print_fiscal_memory_report: 'Fiskal yaddaş hesabatı çap olundu',
  print_duplicate: 'Dublikat çap olundu',
  print_non_fiscal: 'Qeyri-fiskal qəbz çap olundu',
  cancel_receipt: 'Qəbz ləğv edildi',
  open_drawer: 'Siyirmə açıldı',
  set_datetime: 'Tarix və saat quraşdırıldı',
  get_datetime: 'Tarix və saat oxundu',
  get_status: 'Vəziyyət oxundu',
  get_vat_rates: 'ƏDV dərəcələri oxundu',
  get_device_info: 'Cihaz məlumatı oxundu',
  sale: 'Kartla ödəniş təsdiqləndi',
  refund: 'Karta qaytarma təsdiqləndi',
  void: 'Əməliyyat ləğv edildi',
  settlement: 'Gün bağlandı',
};

export function statusWord(status: DeviceStatus, lang: TextLanguage): string {
  return lang === 'az' ? STATUS_AZ[status] : DEVICE_STATUS_TEXT[status][lang];
}

/** The success message of an operation type; undefined for a type the hub has no message for. */
export function successMessage(opType: string, lang: TextLanguage): string | undefined {
  const base = SUCCESS_MESSAGES[opType];
  if (!base) return undefined;
  return lang === 'az' ? (SUCCESS_AZ[opType] ?? base.en) : base[lang];
}

