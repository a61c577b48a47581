/**
 * XML for UcsFPHub: request bodies that start with "<" are read into the same value tree as JSON bodies, and
 * `?format=xml` answers are written in the seed's shape — `<Root>`, arrays as repeated elements, booleans as
 * `<Ok __json__bool="1">1</Ok>`, empty strings as `<TaxNo />`, three-space indentation. Pure.
 */
import { XMLParser } from 'fast-xml-parser';
import { setProperty, type LObject, type LValue } from './lenient-json.js';

const BOOL_ATTR = '@___json__bool';

export class XmlBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlBodyError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function convert(node: unknown): LValue {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(convert);
  const obj = node as Record<string, unknown>;
  if (BOOL_ATTR in obj) {
    const t = String(obj['#text'] ?? '')
      .trim()
      .toLowerCase();
    return t === '1' || t === 'true' || t === '-1';
  }
  const out: LObject = {};
  let hasChild = false;
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('@_')) continue;
    if (k === '#text') continue;
    setProperty(out, k, convert(v));
    hasChild = true;
  }
  if (!hasChild && '#text' in obj) return String(obj['#text']);
  return out;
}

/** Parse an XML request body; the `<Root>` wrapper (any name) is removed. */
export function parseXmlBody(text: string): LValue {
  // No document types: entity definitions are how XML bombs get in, and no UcsFPHub client sends one.
  if (/<!(DOCTYPE|ENTITY)/i.test(text))
    throw new XmlBodyError('XML bodies with a DOCTYPE or ENTITY declaration are not accepted');
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch (e) {
    const message = (e as Error).message;
    // The parser refuses element names such as __proto__ or constructor itself: say so like any unknown field.
    const reserved = /Invalid name: "([^"]+)" is a reserved/.exec(message)?.[1];
    if (reserved) throw new XmlBodyError(`${reserved}: is not a known field (element <${reserved}>)`);
    throw new XmlBodyError(`the XML body is not well formed: ${message}`);
  }
  const top = convert(doc);
  if (top && typeof top === 'object' && !Array.isArray(top)) {
    const keys = Object.keys(top);
    if (keys.length === 1 && keys[0] !== undefined) {
      const inner = (top as LObject)[keys[0]];
      if (inner !== undefined) return inner === '' ? {} : inner;
    }
  }
  throw new XmlBodyError('the XML body must have exactly one root element');
}

/** JSON-shaped response values (plain numbers, strings, booleans, arrays, objects). */
export type OutValue = null | boolean | number | string | OutValue[] | { [k: string]: OutValue };

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Element names come from JSON keys (serial numbers, aliases): make them valid XML names. */
export function xmlName(key: string): string {
  const cleaned = key.replace(/[^\p{L}\p{N}_.-]/gu, '_');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}

function writeElement(name: string, v: OutValue, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) writeElement(name, item, indent, out);
    return;
  }
  if (v === null || v === '') {
    out.push(`${indent}<${name} />`);
    return;
  }
  if (typeof v === 'boolean') {
    out.push(`${indent}<${name} __json__bool="1">${v ? 1 : 0}</${name}>`);
    return;
  }
  if (typeof v === 'number') {
    out.push(`${indent}<${name}>${String(v)}</${name}>`);
    return;
  }
  if (typeof v === 'string') {
    out.push(`${indent}<${name}>${escapeText(v)}</${name}>`);
    return;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) {
    out.push(`${indent}<${name} />`);
    return;
  }
  out.push(`${indent}<${name}>`);
  for (const k of keys) writeElement(xmlName(k), v[k] ?? null, indent + '   ', out);
  out.push(`${indent}</${name}>`);
}

/** Render a response object as the seed's `<Root>…</Root>` document. */
export function renderXml(root: { [k: string]: OutValue }): string {
  const out: string[] = [];
  writeElement('Root', root, '', out);
  return out.join('\n') + '\n';
}
