/**
 * What a fiscal register can print: Romanian registers print the Windows-1250 character set (Datecs, and the
 * virtual register that models them). Romanian comma-below ș/ț are accepted too: drivers send them as the
 * cedilla forms the code page has. Anything else (emoji, Cyrillic, Greek, CJK, control characters) is refused
 * at validation time, naming the field, instead of printing as '?' on a fiscal document. Pure.
 */

const WINDOWS_1250 = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~€‚„…†‡‰Š‹ŚŤŽŹ‘’“”•–—™š›śťžź ˇ˘Ł¤Ą¦§¨©Ş«¬­®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙";
const ROMANIAN_COMMA_BELOW = 'șȘțȚ';
const PRINTABLE = new Set([...WINDOWS_1250, ...ROMANIAN_COMMA_BELOW]);

/** The first character the register cannot print, or null when every character is printable. */
export function firstUnprintable(text: string): string | null {
  for (const ch of text) if (!PRINTABLE.has(ch)) return ch;
  return null;
}

export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return cp < 0x20 ? `control character U+${hex}` : `"${ch}" (U+${hex})`;
}
