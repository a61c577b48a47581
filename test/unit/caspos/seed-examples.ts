/**
 * The request and response examples of seed 004 (copied to test/fixtures/caspos/), cut out of the seed text as it
 * is. The seed is a PDF turned into Markdown, so an example's opening brace may sit on a "##### {" heading line,
 * headings and ``` fences may interrupt it, and the login request lacks its opening brace: the cutter takes the
 * text from the marker to the brace that closes the example, dropping those artefacts and nothing else. Numbers,
 * quotes, commas and comments stay as written: the lenient reader has to cope with them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../../fixtures/caspos/004_635c42197283cb51.txt', import.meta.url));

export interface SeedExample {
  /** The seed's section heading ("Sales", "Money Back Manual", …). */
  section: string;
  kind: 'request' | 'response';
  /** The example's text, artefacts of the Markdown conversion removed. */
  text: string;
  /** Line number (1-based) of the marker in the seed. */
  line: number;
}

const MARKER = /^(?:#+\s*|\*\*)?(Example Request:|Example Response:|Пример запроса)/;

/** Cut `{ … }` starting at line `from`, counting braces outside strings. */
function cut(lines: string[], from: number): string {
  const out: string[] = [];
  let depth = 0;
  let started = false;
  for (let i = from; i < lines.length; i++) {
    let line = lines[i] ?? '';
    if (/^```/.test(line.trim())) continue;
    if (/^#+\s*\{\s*$/.test(line)) line = '{';
    else if (/^#+\s/.test(line) || /^\*\*/.test(line)) continue; // headings, also inside an example (PDF page furniture)
    if (!started) {
      const t = line.trim();
      if (t.startsWith('{')) started = true;
      else if (t.startsWith('"operation"')) {
        started = true;
        line = '{' + line; // the login request lost its opening brace
      } else continue;
    }
    let inString = false;
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (c === '\\' && inString) j++;
      else if (c === '"' || (inString && c === '\u201d')) inString = c === '"' ? !inString : false;
      else if (!inString && c === '/' && line[j + 1] === '/') break;
      else if (!inString && c === '{') depth++;
      else if (!inString && c === '}') {
        depth--;
        if (depth === 0) {
          out.push(line.slice(0, j + 1));
          return out.join('\n');
        }
      }
    }
    out.push(line);
  }
  throw new Error(`unterminated example after line ${from + 1}`);
}

export function seedExamples(): SeedExample[] {
  const lines = readFileSync(SEED_PATH, 'utf8').split('\n');
  const out: SeedExample[] = [];
  let section = '';
  for (const [i, line] of lines.entries()) {
    const h = /^#{2,3}\s+([A-Z][\w\s()-]+?)\s*$/.exec(line);
    if (h && h[1] && !/^(Notes|o \d)/.test(h[1]) && h[1].split(' ').length <= 4) section = h[1].trim();
    const m = MARKER.exec(line.trim());
    if (!m) continue;
    const kind = m[1] === 'Example Response:' ? 'response' : 'request';
    out.push({ section, kind, text: cut(lines, i + 1), line: i + 1 });
  }
  return out;
}

/** The example of `kind` in `section` (the n-th when a section has several). */
export function example(section: string, kind: SeedExample['kind'], n = 0): string {
  const found = seedExamples().filter((e) => e.section === section && e.kind === kind);
  const e = found[n];
  if (!e)
    throw new Error(
      `no ${kind} example #${n} in section "${section}" (have: ${[...new Set(seedExamples().map((x) => x.section))].join(', ')})`,
    );
  return e.text;
}
