/**
 * JSON values whose numbers keep their source text, so decimals become cents/thousandths exactly, never through a
 * float. Shared by the readers of the compatible doors (doors/compat-shared/lenient-json.ts) and of the Caspos
 * protocol (protocols/caspos/json-read.ts). Readers set properties with `setJsonProperty` (a key "__proto__" is
 * data, never the prototype setter) and test numbers with `isJsonNumber` (the exact type: `instanceof` can be faked
 * by a prototype chain). Pure.
 */

/** A JSON number kept as written ("12.34", "-1", "2.00", "1e2", "1000."). */
export class JsonNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Exactly a JsonNumber made by a reader (not an object whose prototype chain passes `instanceof`). */
export function isJsonNumber(v: unknown): v is JsonNumber {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === JsonNumber.prototype && typeof (v as JsonNumber).text === 'string';
}

export type LValue = null | boolean | string | JsonNumber | LValue[] | LObject;
export interface LObject {
  [key: string]: LValue;
}

/** Text that is not the JSON a reader accepts; `offset` is where it went wrong. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A property set as data, whatever its name ("__proto__" included). */
export function setJsonProperty(obj: LObject, key: string, value: LValue): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

export function isJsonObject(v: LValue | undefined): v is LObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !isJsonNumber(v);
}

/** A value as text: strings as is, numbers as written, booleans as "true"/"false"; null/absent → undefined. */
export function jsonText(v: LValue | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (isJsonNumber(v)) return v.text;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}
