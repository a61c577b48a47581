/** The card a virtual customer presents: brand and masked number. */
import { randomInt } from 'node:crypto';

const BRANDS = ['VISA', 'MASTERCARD'] as const;

export function cardOf(): { card_masked: string; card_brand: string } {
  const brand = BRANDS[randomInt(0, BRANDS.length)] ?? 'VISA';
  const bin = brand === 'VISA' ? '406001' : '535110';
  return { card_masked: `${bin}******${randomInt(0, 10_000).toString().padStart(4, '0')}`, card_brand: brand };
}
