/**
 * Decoding of INP files: UTF-8 (with or without BOM), UTF-16LE with BOM (Notepad "Unicode") or Windows-1250,
 * detected from the bytes. Rejects binary data. Pure (iconv-lite is a pure transcoder).
 */
import iconv from 'iconv-lite';
import { bi, MAX_INP_BYTES, type InpEncoding, type InpParseError } from './types.js';

export type DecodeResult =
  | { ok: true; text: string; encoding: InpEncoding; eol: '\r\n' | '\n' }
  | { ok: false; error: InpParseError; eol: '\r\n' | '\n' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function detectEol(text: string): '\r\n' | '\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Control characters other than TAB, LF, CR (and a trailing Ctrl-Z that old DOS tools append) mean "not text". */
function findBinary(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) {
      if (c === 0x1a && i === text.length - 1) continue;
      return i;
    }
  }
  return -1;
}

export function decodeInp(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_INP_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      eol: '\n',
      error: {
        line: 0,
        cmd: '',
        arg: null,
        message: bi(
          `Fișierul are ${mb} MB; un fișier INP poate avea cel mult 1 MB. Trimiteți câte un bon pe fișier.`,
          `The file is ${mb} MB; an INP file may be at most 1 MB. Send one receipt per file.`,
        ),
      },
    };
  }
  let text: string;
  let encoding: InpEncoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    try {
      text = utf8.decode(bytes.subarray(3));
    } catch {
      text = iconv.decode(Buffer.from(bytes.subarray(3)), 'utf8');
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le');
  } else {
    try {
      text = utf8.decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = iconv.decode(Buffer.from(bytes), 'windows-1250');
      encoding = 'windows-1250';
    }
  }
  const eol = detectEol(text);
  const bad = findBinary(text);
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    return {
      ok: false,
      eol,
      error: {
        line,
        cmd: '',
        arg: null,
        message: bi(
          `Fișierul nu este text (caracter de control la linia ${line}). Salvați comenzile ca text UTF-8 sau Windows-1250.`,
          `The file is not text (a control character on line ${line}). Save the commands as UTF-8 or Windows-1250 text.`,
        ),
      },
    };
  }
  return { ok: true, text, encoding, eol };
}

/** Encode text in the file's own encoding (for the error block appended to the original). */
export function encodeLike(text: string, encoding: InpEncoding | null): Buffer {
  // Windows-1250 has the cedilla forms of ș/ț only.
  if (encoding === 'windows-1250')
    return iconv.encode(
      text.replace(/ș/g, 'ş').replace(/ț/g, 'ţ').replace(/Ș/g, 'Ş').replace(/Ț/g, 'Ţ'),
      'windows-1250',
    );
  if (encoding === 'utf-16le') return iconv.encode(text, 'utf16le');
  return Buffer.from(text, 'utf8');
}
