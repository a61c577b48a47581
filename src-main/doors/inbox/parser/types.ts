/** Types shared by the INP parsers (FPrint, FiscalNet, EcrBridge dialects). Pure. */

export type InpDialect = 'fprint' | 'fiscalnet' | 'ecrbridge';
export type InpEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1250';

/** A bilingual message (Romanian is the default language of the product). */
export interface Bilingual {
  ro: string;
  en: string;
}

/** One line of the source file, as decoded. */
export interface SourceLine {
  /** 1-based line number. */
  no: number;
  text: string;
  /** The command word when the line is a command ('' for empty/comment lines). */
  cmd: string;
  /** FPrint only: logical device number and the argument text after the header (for the answer echo). */
  fprint?: { logical: string; args: string };
}

/** A precise parse error: where, which command, which argument, why. */
export interface InpParseError {
  /** 1-based line; 0 = the file as a whole (size, encoding, name). */
  line: number;
  cmd: string;
  /** 1-based argument position, or null. */
  arg: number | null;
  message: Bilingual;
}

/** One operation built from a run of lines (a receipt, a report, a cash movement…). */
export interface InpDocument {
  /** The raw operation object, as the native API takes it (validated later by the pipeline). */
  operation: Record<string, unknown> & { type: string };
  first_line: number;
  last_line: number;
  /**
   * Source line of each operation field, keyed by JSON path (`lines[2]`, `payments[0]`, `buyer`), so that a
   * validation error at `lines[2].vat` points at the right line of the file.
   */
  line_of: Record<string, number>;
}

export interface ParsedInp {
  dialect: InpDialect;
  encoding: InpEncoding;
  eol: '\r\n' | '\n';
  lines: SourceLine[];
  documents: InpDocument[];
}

export type ParseResult =
  | { ok: true; file: ParsedInp }
  | { ok: false; error: InpParseError; dialect: InpDialect | null; encoding: InpEncoding | null; eol: '\r\n' | '\n' };

/** Largest INP file accepted (a receipt file is a few kilobytes; anything this big is a mistake). */
export const MAX_INP_BYTES = 1024 * 1024;
/** Longest text the operations accept for names and free text. */
export const MAX_TEXT = 72;

export const bi = (ro: string, en: string): Bilingual => ({ ro, en });
