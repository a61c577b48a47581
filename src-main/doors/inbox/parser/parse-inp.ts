/**
 * Entry point of the INP parsers: decode the bytes, recognise the dialect by the first meaningful line
 * (FPrint first; FiscalNet carets; EcrBridge headers), parse every line into operations. Pure.
 */
import { decodeInp } from './decode.js';
import { parseEcrBridge } from './ecrbridge.js';
import { parseFiscalNet } from './fiscalnet.js';
import { FPRINT_HEADER_TEST, isIgnorable, parseFprint } from './fprint.js';
import { InpSyntaxError } from './args.js';
import { bi, type InpDialect, type ParseResult } from './types.js';

export function detectDialect(lines: readonly string[]): InpDialect {
  const first = lines.find((l) => !isIgnorable(l))?.trim() ?? '';
  if (FPRINT_HEADER_TEST.test(first)) return 'fprint';
  if (first.includes('^')) return 'fiscalnet';
  if (/^(?:FISCAL|TEXT)(?:;|$)/i.test(first) || /^[A-Za-z]{1,2};/.test(first) || /^RD$/i.test(first))
    return 'ecrbridge';
  return 'fprint';
}

export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // A lone trailing Ctrl-Z (DOS end of file) is not a line.
  const last = lines[lines.length - 1];
  if (last !== undefined && last.endsWith('\x1a')) lines[lines.length - 1] = last.slice(0, -1);
  return lines;
}

export function parseInp(bytes: Uint8Array): ParseResult {
  const decoded = decodeInp(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error, dialect: null, encoding: null, eol: decoded.eol };
  const texts = splitLines(decoded.text);
  const dialect = detectDialect(texts);
  try {
    const parsed =
      dialect === 'fprint'
        ? parseFprint(texts)
        : dialect === 'fiscalnet'
          ? parseFiscalNet(texts)
          : parseEcrBridge(texts);
    if (parsed.documents.length === 0 && !parsed.lines.some((l) => l.cmd !== '')) {
      return {
        ok: false,
        dialect,
        encoding: decoded.encoding,
        eol: decoded.eol,
        error: {
          line: 0,
          cmd: '',
          arg: null,
          message: bi('fișierul nu conține nicio comandă', 'the file contains no command'),
        },
      };
    }
    return {
      ok: true,
      file: { dialect, encoding: decoded.encoding, eol: decoded.eol, lines: parsed.lines, documents: parsed.documents },
    };
  } catch (e) {
    if (e instanceof InpSyntaxError)
      return { ok: false, error: e.error, dialect, encoding: decoded.encoding, eol: decoded.eol };
    throw e;
  }
}
