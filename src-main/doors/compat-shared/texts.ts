/** User-facing texts of the compatible doors, Romanian (default) and English. */
import type { Language } from '../../domain/error-codes.js';

const T = {
  unknownPrinter: {
    ro: (id: string) =>
      `Imprimanta „${id}” nu există. Verificați id-ul (numărul de serie sau aliasul) în lista /printers.`,
    en: (id: string) => `Printer "${id}" does not exist. Check the id (serial number or alias) in the /printers list.`,
  },
  badBody: {
    ro: (why: string) => `Cererea nu a putut fi citită: ${why}. Trimiteți un document JSON (sau XML) valid.`,
    en: (why: string) => `The request could not be read: ${why}. Send a valid JSON (or XML) document.`,
  },
  invalidField: {
    ro: (path: string, why: string) => `Câmpul ${path}: ${why}. Nimic nu a fost tipărit.`,
    en: (path: string, why: string) => `Field ${path}: ${why}. Nothing was printed.`,
  },
  conflict: {
    ro: (id: string) =>
      `Identificatorul „${id}” a fost deja folosit pentru o altă cerere. Folosiți un identificator nou pentru fiecare bon.`,
    en: (id: string) => `The id "${id}" was already used for a different request. Use a new id for every receipt.`,
  },
  stillRunning: {
    ro: 'Operația încă rulează pe casa de marcat. Întrebați din nou mai târziu.',
    en: 'The operation is still running on the register. Ask again later.',
  },
  inDoubt: {
    ro: 'Nu se știe încă dacă operația s-a făcut: FisCool o verifică pe casa de marcat. Trimiteți din nou aceeași cerere, cu același identificator, peste câteva secunde; nu o trimiteți cu alt identificator.',
    en: 'It is not known yet whether the operation was done: FisCool is checking it on the register. Send the same request again, with the same id, in a few seconds; do not send it under another id.',
  },
  reversalUnsupported: {
    ro: 'Această casă de marcat nu poate tipări bonuri de retur (storno). Faceți returul de la casă sau folosiți o casă care permite retururi.',
    en: 'This register cannot print reversal (refund) receipts. Do the refund on the register itself or use a register that supports refunds.',
  },
  notSupported: {
    ro: (what: string) => `${what}: operația nu este disponibilă pe casele de marcat din România.`,
    en: (what: string) => `${what}: not available on Romanian registers.`,
  },
  notFound: {
    ro: 'Adresa cerută nu există.',
    en: 'The requested address does not exist.',
  },
  internal: {
    ro: 'Eroare internă FisCool. Reîncercați; dacă se repetă, trimiteți jurnalul aplicației la suport.',
    en: 'FisCool internal error. Try again; if it happens again, send the application log to support.',
  },
  uniqueSaleNo: { ro: 'Nr. unic vânzare', en: 'Unique sale no.' },
  buyer: { ro: 'Cumpărător', en: 'Buyer' },
  buyerTaxNo: { ro: 'Cod fiscal', en: 'Tax no.' },
} as const;

export type TextKey = keyof typeof T;

export function tx<K extends TextKey>(lang: Language, key: K): (typeof T)[K]['ro'] {
  return T[key][lang] as (typeof T)[K]['ro'];
}
