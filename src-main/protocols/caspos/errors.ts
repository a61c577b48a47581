/**
 * The Caspos answer codes (seed: "Errors", "Common Errors and Solutions", "Error Messages") → FisCool error codes,
 * with a text a cashier can act on in Azerbaijani, Romanian and English. Decisions are taken on the code, never on
 * the message. Pure.
 */
import type { DeviceErrorCode } from '../../domain/error-codes.js';

export interface CasposErrorEntry {
  code: DeviceErrorCode;
  az: string;
  ro: string;
  en: string;
}

/** The device's own message for each code the seed lists and FisCool's emulator answers with. */
export const SEED_MESSAGES: Record<number, string> = {
  0: 'Success operation',
  1: 'Repeated DocumentUUID value',
  231: 'last doc: no documents have been created yet',
  217: 'storage has no free space',
  401: 'invalid login session',
  403: 'invalid user role',
  404: 'incorrect pin code',
  405: 'pin locked too many invalid pins',
  406: 'incorrect puk code',
  407: 'puk locked too many invalid puks',
  408: 'cashregister_factory_number is needed',
  503: 'document: invalid shift status',
  504: 'document: invalid shift duration',
  601: 'cashbox number != value from company certificate',
  602: 'cashregister number != value from company certificate',
  604: 'document time not in permitted interval',
  605: 'document counter is overflow',
  606: 'invalid currency name',
  607: 'invalid total sum',
  608: 'too long cashier string',
  609: 'invalid length of item code string',
  610: 'items array is empty',
  611: 'invalid items sum',
  612: 'invalid item code type',
  613: 'invalid vat amounts total',
  614: 'invalid total sum in one item',
  615: 'invalid parent doc length',
  616: 'invalid percentages',
  620: 'too many items',
  622: 'invalid length of item marking code',
  627: 'sale doc for rollback cannot be found',
  628: 'you have entered a wrong parent doc',
  629: 'invalid change sum value',
  630: 'contract field has invalid length',
  631: 'payer name field has invalid length',
  632: 'credit/prepay sum is forbidden',
  633: 'invalid moneyback type value',
  634: 'invalid residue sum',
  635: 'invalid item name len',
  638: 'total sum mismatch the parent document',
  639: 'the parent doc you have entered has been already rolled back',
  641: 'invalid parents quantity',
  642: 'invalid datetime value',
  646: 'invalid length of RRN',
  647: 'invalid length of number of a bonus card',
  648: 'RRN cannot be used without cashless funds',
  1002: 'json: input is not recognized',
  1008: 'json: type: deserialize error',
  1200: 'unknown operation id or operation version',
};

const entry = (code: DeviceErrorCode, az: string, ro: string, en: string): CasposErrorEntry => ({ code, az, ro, en });

const CHECK_RECEIPT = entry(
  'DEVICE_REJECTED',
  'Kassa çekin məbləğlərini qəbul etmədi. Məbləğləri və ödənişləri yoxlayın.',
  'Casa a refuzat sumele bonului. Verificați sumele și plățile.',
  'The register refused the amounts of the receipt. Check the amounts and payments.',
);
const CHECK_PARENT = entry(
  'DEVICE_REJECTED',
  'Kassa əsas sənədi qəbul etmədi. Qaytarılan çekin nömrəsini və məbləğlərini yoxlayın.',
  'Casa a refuzat documentul original. Verificați identificatorul și sumele bonului original.',
  'The register refused the original document. Check the original receipt’s id and amounts.',
);
const CALL_SUPPORT = entry(
  'DEVICE_ERROR',
  'Kassanın fiskal modulunda xəta. Caspos dəstək xidmətinə müraciət edin.',
  'Eroare în modulul fiscal al casei. Contactați suportul Caspos.',
  'The register’s fiscal module reported an error. Contact Caspos support.',
);
const MEMORY_FULL = entry(
  'FISCAL_MEMORY_FULL',
  'Kassanın yaddaşı doludur. Cihazı internetə qoşun ki, sənədlər göndərilsin; kömək lazımdırsa Caspos dəstəyinə müraciət edin.',
  'Memoria casei este plină. Conectați casa la internet ca să-și trimită documentele; altfel contactați suportul Caspos.',
  'The register’s memory is full. Connect it to the internet so it sends its documents; otherwise contact Caspos support.',
);
const PIN = entry(
  'DEVICE_REJECTED',
  'Fiskal açarın PIN/PUK kodu səhvdir və ya bloklanıb. Caspos dəstək xidmətinə müraciət edin.',
  'Codul PIN/PUK al cheii fiscale este greșit sau blocat. Contactați suportul Caspos.',
  'The fiscal key’s PIN/PUK is wrong or locked. Contact Caspos support.',
);

export const CASPOS_ERRORS: Record<number, CasposErrorEntry> = {
  231: entry(
    'DEVICE_REJECTED',
    'Kassada hələ heç bir çek yoxdur.',
    'Pe casă nu există încă niciun bon.',
    'There is no receipt on the register yet.',
  ),
  401: entry(
    'DEVICE_REJECTED',
    'Caspos istifadəçi adını və ya şifrəni qəbul etmədi. Cihazın ayarlarında yoxlayın.',
    'Caspos nu acceptă numele de utilizator sau parola. Verificați-le în setările dispozitivului.',
    'Caspos does not accept the user name or password. Check them in the device settings.',
  ),
  403: entry(
    'DEVICE_REJECTED',
    'Kassada kassir kimi daxil olun və ayarlarda “Enable Integration Service” seçimini aktiv edin.',
    'Autentificați-vă pe Caspos ca și casier și activați „Enable Integration Service” în setări.',
    'Log in on the Caspos device as a cashier and turn on “Enable Integration Service” in its settings.',
  ),
  404: PIN,
  405: PIN,
  406: PIN,
  407: PIN,
  408: CALL_SUPPORT,
  503: entry(
    'SHIFT_CLOSED',
    'Növbə bağlıdır. Növbəni açın və yenidən cəhd edin.',
    'Tura este închisă pe casă. Deschideți tura și reîncercați.',
    'The shift is closed on the register. Open the shift and try again.',
  ),
  504: entry(
    'Z_REPORT_REQUIRED',
    'Növbə 24 saatdan çoxdur açıqdır. Növbəni bağlayın (Z-hesabat), yenisini açın və yenidən cəhd edin.',
    'Tura este deschisă de peste 24 de ore. Închideți tura (raport Z), deschideți una nouă și reîncercați.',
    'The shift has been open for more than 24 hours. Close it (Z report), open a new one and try again.',
  ),
  601: CALL_SUPPORT,
  602: CALL_SUPPORT,
  604: entry(
    'DEVICE_REJECTED',
    'Kassa oflayn rejimdə icazə veriləndən çox işləyib. Cihazı internetə qoşun, sənədlər göndərildikdən sonra yenidən cəhd edin.',
    'Casa a lucrat offline mai mult decât e permis. Conectați-o la internet și reîncercați după ce își trimite documentele.',
    'The register has been offline longer than allowed. Connect it to the internet and retry once it has sent its documents.',
  ),
  605: MEMORY_FULL,
  213: MEMORY_FULL,
  217: MEMORY_FULL,
  230: MEMORY_FULL,
  253: MEMORY_FULL,
  606: entry(
    'DEVICE_REJECTED',
    'Valyuta yalnız AZN ola bilər.',
    'Moneda poate fi doar AZN.',
    'The currency can only be AZN.',
  ),
  607: CHECK_RECEIPT,
  611: CHECK_RECEIPT,
  613: CHECK_RECEIPT,
  614: CHECK_RECEIPT,
  629: CHECK_RECEIPT,
  632: CHECK_RECEIPT,
  634: entry(
    'DEVICE_REJECTED',
    'Kreditin qalığı kassadakı ilə uyğun gəlmir. Qalıq borcu yoxlayın.',
    'Restul creditului nu se potrivește cu cel de pe casă. Verificați suma rămasă.',
    'The remaining credit does not match the register’s. Check the remaining debt.',
  ),
  608: entry(
    'DEVICE_REJECTED',
    'Kassirin adı çox uzundur.',
    'Numele casierului este prea lung.',
    'The cashier’s name is too long.',
  ),
  609: entry(
    'DEVICE_REJECTED',
    'Malın barkodu düzgün deyil.',
    'Codul de bare al articolului nu este valid.',
    'An item’s barcode is not valid.',
  ),
  610: entry('DEVICE_REJECTED', 'Çekdə mal yoxdur.', 'Bonul nu are niciun articol.', 'The receipt has no items.'),
  612: entry(
    'DEVICE_REJECTED',
    'Malın barkod növü düzgün deyil.',
    'Tipul codului de bare nu este valid.',
    'An item’s barcode type is not valid.',
  ),
  616: entry(
    'VAT_RATE_NOT_PROGRAMMED',
    'ƏDV növü düzgün deyil. Cihazın ƏDV cədvəlini yoxlayın.',
    'Tipul de TVA nu este acceptat de casă. Verificați tabelul de TVA al dispozitivului.',
    'The register does not accept that VAT type. Check the device’s VAT table.',
  ),
  620: entry(
    'DEVICE_REJECTED',
    'Çekdə çox mal var. Çeki bölün.',
    'Bonul are prea multe articole. Împărțiți-l.',
    'The receipt has too many items. Split it.',
  ),
  622: entry(
    'DEVICE_REJECTED',
    'Markalanma kodunun uzunluğu düzgün deyil.',
    'Lungimea codului de marcare nu este validă.',
    'A marking code has the wrong length.',
  ),
  627: CHECK_PARENT,
  628: CHECK_PARENT,
  638: CHECK_PARENT,
  641: CHECK_PARENT,
  615: CHECK_PARENT,
  633: CHECK_PARENT,
  639: entry(
    'DEVICE_REJECTED',
    'Bu çek artıq ləğv edilib.',
    'Acest bon a fost deja anulat.',
    'This receipt has already been cancelled.',
  ),
  630: entry(
    'DEVICE_REJECTED',
    'Kredit müqaviləsinin nömrəsi düzgün deyil.',
    'Numărul contractului de credit nu este valid.',
    'The credit contract number is not valid.',
  ),
  631: entry(
    'DEVICE_REJECTED',
    'Kredit ödəyicisinin adı düzgün deyil.',
    'Numele plătitorului creditului nu este valid.',
    'The credit payer’s name is not valid.',
  ),
  642: entry(
    'DEVICE_REJECTED',
    'Tarix və ya vaxt düzgün deyil.',
    'Data sau ora nu este validă.',
    'A date or time is not valid.',
  ),
  646: entry(
    'DEVICE_REJECTED',
    'Bank əməliyyatının RRN nömrəsi düzgün deyil.',
    'Numărul RRN al tranzacției bancare nu este valid.',
    'The bank transaction’s RRN is not valid.',
  ),
  647: entry(
    'DEVICE_REJECTED',
    'Bonus kartının nömrəsi düzgün deyil.',
    'Numărul cardului de bonus nu este valid.',
    'The bonus card number is not valid.',
  ),
  648: entry(
    'DEVICE_REJECTED',
    'RRN yalnız kartla ödənişdə göndərilə bilər.',
    'RRN-ul se trimite doar cu o plată cu cardul.',
    'An RRN goes only with a card payment.',
  ),
};

const GENERIC_REFUSAL = entry(
  'DEVICE_REJECTED',
  'Kassa əməliyyatı qəbul etmədi.',
  'Casa a refuzat operația.',
  'The register refused the operation.',
);

/** The entry for a code; codes without their own text: 6xx/999 are refusals, the rest errors of the fiscal module. */
export function casposError(code: number): CasposErrorEntry {
  return CASPOS_ERRORS[code] ?? (code === 999 || (code >= 600 && code < 700) ? GENERIC_REFUSAL : CALL_SUPPORT);
}

/** Success (0) and "repeated DocumentUUID" (1: the document exists, its first answer is returned). */
export const CODE_OK = 0;
export const CODE_REPEATED_UUID = 1;
export const CODE_LOGIN = 401;
export const CODE_SHIFT_CLOSED = 503;
