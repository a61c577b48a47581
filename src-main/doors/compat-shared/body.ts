/**
 * Request bodies of the compatible doors: raw bytes → text (UTF-8, or the charset the Content-Type names, e.g.
 * windows-1251) → value tree. JSON is read leniently (trailing commas, numbers kept as text); a body starting
 * with "<" is XML when the door allows it; an empty body is `{}`. A property named `__proto__`, `constructor`
 * or `prototype` anywhere is refused like an unknown field, naming it.
 */
import express from 'express';
import iconv from 'iconv-lite';
import { LenientJsonError, parseLenientJson, reservedKeyPath, type LValue } from './lenient-json.js';
import { parseXmlBody, XmlBodyError } from './xml.js';

export const BODY_LIMIT = '1mb';

/** Collects any body as a Buffer (whatever the Content-Type says: the peers' clients often send none). */
export const rawBody = express.raw({ type: () => true, limit: BODY_LIMIT });

export function decodeBody(buf: Buffer, contentType: string | undefined): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset))
    return iconv.decode(buf, charset);
  return buf.toString('utf8');
}

export type BodyParse = { ok: true; value: LValue; xml: boolean } | { ok: false; error: string };

export function parseBodyText(text: string, opts: { allowXml: boolean }): BodyParse {
  const read = readTree(text, opts);
  if (!read.ok) return read;
  const reserved = reservedKeyPath(read.value);
  return reserved === null ? read : { ok: false, error: `${reserved}: is not a known field` };
}

function readTree(text: string, opts: { allowXml: boolean }): BodyParse {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t === '') return { ok: true, value: {}, xml: false };
  if (t.startsWith('<') && opts.allowXml) {
    try {
      return { ok: true, value: parseXmlBody(t), xml: true };
    } catch (e) {
      if (e instanceof XmlBodyError) return { ok: false, error: e.message };
      throw e;
    }
  }
  try {
    return { ok: true, value: parseLenientJson(t), xml: false };
  } catch (e) {
    if (e instanceof LenientJsonError) return { ok: false, error: `invalid JSON (${e.message})` };
    throw e;
  }
}

export function readBody(req: express.Request, opts: { allowXml: boolean }): BodyParse {
  const buf: unknown = req.body;
  if (!Buffer.isBuffer(buf)) return { ok: true, value: {}, xml: false };
  return parseBodyText(decodeBody(buf, req.get('content-type')), opts);
}
