/**
 * The loop every dialect shares: skip empty and comment lines (kept in `lines` for the answer file), record each
 * command line, hand it to the dialect, then close the last document. Pure.
 */
import { DocumentBuilder } from './receipt-builder.js';
import type { InpDocument, SourceLine } from './types.js';

/** Empty lines and lines starting with `;` or `//` are ignored. */
export function isIgnorable(text: string): boolean {
  const t = text.trim();
  return t === '' || t.startsWith(';') || t.startsWith('//');
}

export function walkLines<T extends { line: SourceLine }>(
  texts: readonly string[],
  split: (no: number, text: string) => T,
  command: (b: DocumentBuilder, split: T) => void,
  /** Runs before the last document is closed (EcrBridge ends a TEXT document with the file). */
  atEnd?: (b: DocumentBuilder, last: SourceLine | null) => void,
): { lines: SourceLine[]; documents: InpDocument[] } {
  const b = new DocumentBuilder();
  const lines: SourceLine[] = [];
  let last: SourceLine | null = null;
  texts.forEach((text, i) => {
    const no = i + 1;
    if (isIgnorable(text)) {
      lines.push({ no, text, cmd: '' });
      return;
    }
    const item = split(no, text);
    lines.push(item.line);
    last = item.line;
    command(b, item);
  });
  const end = last as SourceLine | null;
  atEnd?.(b, end);
  b.finish(end?.no ?? 0, end?.cmd ?? '');
  return { lines, documents: b.documents };
}
