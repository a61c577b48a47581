/**
 * Text encoding for Romanian Datecs registers (pure).
 *
 * Choice (datecs-protocol.md §9): Windows-1250. It holds ă â î Ă Â Î and the CEDILLA forms ş ţ Ş Ţ, but not the
 * comma-below forms ș ț Ș Ț (U+0219/U+021B/U+0218/U+021A) that correct Romanian text uses. We therefore map
 * comma-below → cedilla before encoding (ș→ş 0xBA, ț→ţ 0xFE, Ș→Ş 0xAA, Ț→Ţ 0xDE), so the receipt shows the
 * letter with a hook instead of "?". Characters 1250 cannot hold are transliterated (diacritics stripped) or
 * replaced by "?". Decoding returns the cedilla forms as the device sent them; `toCommaBelow` restores the
 * correct Romanian letters for display.
 */
import iconv from 'iconv-lite';

const COMMA_TO_CEDILLA: Record<string, string> = { 'ș': 'ş', 'ț': 'ţ', 'Ș': 'Ş', 'Ț': 'Ţ' };
const CEDILLA_TO_COMMA: Record<string, string> = { 'ş': 'ș', 'ţ': 'ț', 'Ş': 'Ș', 'Ţ': 'Ț' };

export function toCedilla(s: string): string {
  return s.replace(/[șțȘȚ]/g, (c) => COMMA_TO_CEDILLA[c] ?? c);
}

export function toCommaBelow(s: string): string {
  return s.replace(/[şţŞŢ]/g, (c) => CEDILLA_TO_COMMA[c] ?? c);
}

function representable(c: string): boolean {
  const b = iconv.encode(c, 'win1250');
  return !(b.length === 1 && b[0] === 0x3f && c !== '?');
}

/**
 * Encode text for the register: comma-below → cedilla, control characters → space (except those listed in
 * `keep`, e.g. TAB/LF separators of classic commands), the rest Windows-1250 or stripped of diacritics.
 */
export function encodeText(s: string, keep = ''): Buffer {
  let out = '';
  for (const ch of toCedilla(s)) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if ((code < 0x20 || code === 0x7f) && !keep.includes(ch)) {
      out += ' ';
      continue;
    }
    if (representable(ch)) {
      out += ch;
      continue;
    }
    const stripped = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += stripped.length > 0 && [...stripped].every(representable) ? stripped : '?';
  }
  return iconv.encode(out, 'win1250');
}

export function decodeText(b: Uint8Array): string {
  return iconv.decode(Buffer.from(b), 'win1250');
}
