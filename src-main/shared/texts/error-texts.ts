/**
 * The texts catalogue keyed by error code: a short title and what the cashier should do, in Romanian, English and
 * Azerbaijani. Device error codes (domain/error-codes.ts) keep the hub's own RO/EN wording as their action, so the
 * GUI and the API say the same thing; health codes and the GUI's own situations (hub unreachable, outcome unknown, …)
 * are added here. Technical detail (device or OS text) is never part of these texts: the GUI shows it behind
 * "details".
 */
import type { HealthCode } from '../../domain/device-health.js';
import { DEVICE_ERRORS, type DeviceErrorCode } from '../../domain/error-codes.js';
import type { Localized } from './text-language.js';

/** Situations of an API client that are not device errors. */
export type ClientErrorCode =
  | 'HUB_UNREACHABLE'
  | 'OUTCOME_UNKNOWN'
  | 'VALIDATION'
  | 'AUTH_REQUIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INTERNAL'
  | 'BAD_NUMBER'
  | 'AMBIGUOUS_NUMBER';

export type ErrorTextCode = DeviceErrorCode | HealthCode | ClientErrorCode;

export interface ErrorText {
  title: Localized;
  /** What to do, in words a cashier acts on. */
  action: Localized;
}

const dev = (code: DeviceErrorCode, title: Localized, az: string, more?: { ro: string; en: string }): ErrorText => ({
  title,
  action: {
    ro: more ? `${DEVICE_ERRORS[code].ro} ${more.ro}` : DEVICE_ERRORS[code].ro,
    en: more ? `${DEVICE_ERRORS[code].en} ${more.en}` : DEVICE_ERRORS[code].en,
    az,
  },
});

const DEVICE_TEXTS: Record<DeviceErrorCode, ErrorText> = {
  PAPER_OUT: dev(
    'PAPER_OUT',
    { ro: 'Lipsă hârtie', en: 'Out of paper', az: 'Kağız qurtarıb' },
    'Printerdə kağız qurtarıb. Yeni rulon qoyun və yenidən cəhd edin.',
  ),
  COVER_OPEN: dev(
    'COVER_OPEN',
    { ro: 'Capacul este deschis', en: 'Cover open', az: 'Qapaq açıqdır' },
    'Printerin qapağı açıqdır. Qapağı bağlayın və yenidən cəhd edin.',
  ),
  RECEIPT_OPEN: dev(
    'RECEIPT_OPEN',
    { ro: 'Bon deschis pe casă', en: 'Receipt open on the register', az: 'Kassada açıq qəbz var' },
    'Kassada açıq qəbz var və ləğv edilə bilmədi. Onu kassada ləğv edin və yenidən cəhd edin.',
  ),
  Z_REPORT_REQUIRED: dev(
    'Z_REPORT_REQUIRED',
    { ro: 'Raport Z necesar', en: 'Z report required', az: 'Z hesabatı lazımdır' },
    'Son Z hesabatından 24 saat keçib. Z hesabatını çap edin, sonra yenidən cəhd edin.',
  ),
  FISCAL_MEMORY_FULL: dev(
    'FISCAL_MEMORY_FULL',
    { ro: 'Memoria fiscală este plină', en: 'Fiscal memory full', az: 'Fiskal yaddaş doludur' },
    'Fiskal yaddaş və ya elektron jurnal doludur. Səlahiyyətli servisə müraciət edin.',
  ),
  DEVICE_UNREACHABLE: dev(
    'DEVICE_UNREACHABLE',
    { ro: 'Casa de marcat nu răspunde', en: 'The register does not answer', az: 'Kassa cavab vermir' },
    'Kassa cavab vermir. Onun yandırıldığını və qoşulduğunu yoxlayın, sonra yenidən cəhd edin.',
  ),
  DEVICE_REJECTED: dev(
    'DEVICE_REJECTED',
    { ro: 'Comandă refuzată', en: 'Command refused', az: 'Əmr rədd edildi' },
    'Kassa əmri rədd etdi. Məbləğləri və mətni yoxlayın; təkrarlanarsa, təfərrüatları administratora göstərin.',
    {
      ro: 'Verificați sumele și textele; dacă se repetă, arătați detaliile administratorului.',
      en: 'Check the amounts and texts; if it happens again, show the details to your administrator.',
    },
  ),
  VAT_RATE_NOT_PROGRAMMED: dev(
    'VAT_RATE_NOT_PROGRAMMED',
    { ro: 'Cotă TVA lipsă pe casă', en: 'VAT rate missing on the register', az: 'ƏDV dərəcəsi kassada yoxdur' },
    'Tələb olunan ƏDV dərəcəsi kassada proqramlaşdırılmayıb. Kassanın siyahısından bir dərəcə seçin.',
    { ro: 'Alegeți o cotă din lista casei.', en: 'Choose a rate from the register’s list.' },
  ),
  PAYMENT_INSUFFICIENT: dev(
    'PAYMENT_INSUFFICIENT',
    { ro: 'Plată insuficientă', en: 'Payment too small', az: 'Ödəniş kifayət deyil' },
    'Ödənişlər qəbzin cəmini örtmür. Ödəniş əlavə edin və ya məbləği artırın.',
    { ro: 'Adăugați o plată sau măriți suma.', en: 'Add a payment or raise the amount.' },
  ),
  NOT_SUPPORTED: dev(
    'NOT_SUPPORTED',
    { ro: 'Operație indisponibilă', en: 'Operation not available', az: 'Əməliyyat mümkün deyil' },
    'Bu kassa bu əməliyyatı yerinə yetirə bilmir. Başqa üsul istifadə edin və ya administratora müraciət edin.',
    { ro: 'Folosiți altă cale sau întrebați administratorul.', en: 'Use another way or ask your administrator.' },
  ),
  POS_CANCELLED: dev(
    'POS_CANCELLED',
    { ro: 'Plată cu cardul anulată', en: 'Card payment cancelled', az: 'Kartla ödəniş ləğv edildi' },
    'Kartla ödəniş ləğv edildi (müştəri və ya kassa tərəfindən). Qəbz çap olunmayıb.',
  ),
  POS_BUSY: dev(
    'POS_BUSY',
    { ro: 'Terminal ocupat', en: 'Terminal busy', az: 'Terminal məşğuldur' },
    'Kart terminalı başqa əməliyyatla məşğuldur. Bitməsini gözləyin, sonra yenidən cəhd edin.',
  ),
  POS_TIMEOUT: dev(
    'POS_TIMEOUT',
    { ro: 'Timp de plată expirat', en: 'Payment timed out', az: 'Ödəniş vaxtı bitdi' },
    'Ödəniş vaxtı bitdi: kart təqdim edilmədi. Qəbz çap olunmayıb; yenidən cəhd edin.',
  ),
  POS_NOT_CONFIRMED: dev(
    'POS_NOT_CONFIRMED',
    { ro: 'Plată neconfirmată', en: 'Payment not confirmed', az: 'Ödəniş təsdiqlənmədi' },
    'Terminal ödənişi təsdiqləmədi və qəbz çap olunmayıb. Ödəniş keçibsə, FisCool onu özü ləğv edir; yenidən ödəniş almadan əvvəl "Gözləyən ləğvlər" siyahısını yoxlayın.',
  ),
  POS_DECLINED: dev(
    'POS_DECLINED',
    { ro: 'Card refuzat', en: 'Card declined', az: 'Kart rədd edildi' },
    'Kartla ödəniş rədd edildi. Başqa ödəniş üsulu istəyin. Qəbz çap olunmayıb.',
  ),
  POS_UNREACHABLE: dev(
    'POS_UNREACHABLE',
    {
      ro: 'Terminalul de card nu răspunde',
      en: 'The card terminal does not answer',
      az: 'Kart terminalı cavab vermir',
    },
    'Ödəniş terminalı cavab vermir. Yandırıldığını və qoşulduğunu yoxlayın. Qəbz çap olunmayıb.',
  ),
  SHIFT_CLOSED: dev(
    'SHIFT_CLOSED',
    { ro: 'Tură închisă', en: 'Shift closed', az: 'Növbə bağlıdır' },
    'Kassada növbə bağlıdır. Növbəni açın və yenidən cəhd edin.',
  ),
  IN_DOUBT: dev(
    'IN_DOUBT',
    { ro: 'Rezultat nesigur', en: 'Outcome in doubt', az: 'Nəticə bəlli deyil' },
    'Fasilədən sonra nəticə bəlli deyil. FisCool bunu kassa ilə yoxlayır; yenidən cəhd etməzdən əvvəl kassada son qəbzi yoxlayın.',
    {
      ro: 'FisCool verifică singur cu casa; apăsați „Verifică din nou” pentru rezultat — nu se tipărește de două ori.',
      en: 'FisCool is checking with the register; press “Check again” for the outcome — nothing prints twice.',
    },
  ),
  DEVICE_ERROR: dev(
    'DEVICE_ERROR',
    { ro: 'Eroare la casa de marcat', en: 'Register error', az: 'Kassa xətası' },
    'Kassa xəta bildirdi. Kassanın ekranını yoxlayın və yenidən cəhd edin; təkrarlanarsa, təfərrüatları administratora göstərin.',
    {
      ro: 'Verificați ecranul casei și reîncercați; dacă se repetă, arătați detaliile administratorului.',
      en: 'Check the register’s display and try again; if it happens again, show the details to your administrator.',
    },
  ),
};

const own = (title: Localized, action: Localized): ErrorText => ({ title, action });

const HEALTH_TEXTS: Record<Exclude<HealthCode, DeviceErrorCode>, ErrorText> = {
  PAPER_NEAR_END: own(
    { ro: 'Hârtia se termină', en: 'Paper running out', az: 'Kağız qurtarmaq üzrədir' },
    {
      ro: 'Pregătiți o rolă nouă; schimbați-o când se termină.',
      en: 'Have a new roll ready; change it when this one ends.',
      az: 'Yeni rulon hazırlayın; bu qurtaranda dəyişin.',
    },
  ),
  FISCAL_MEMORY_NEARLY_FULL: own(
    { ro: 'Memoria fiscală aproape plină', en: 'Fiscal memory nearly full', az: 'Fiskal yaddaş dolmaq üzrədir' },
    {
      ro: 'Mai sunt puține rapoarte Z libere. Programați service-ul autorizat.',
      en: 'Only a few Z reports are left. Book your authorised service.',
      az: 'Az sayda Z hesabatı yeri qalıb. Səlahiyyətli servisə müraciət edin.',
    },
  ),
  OFFLINE: own(
    { ro: 'Casa nu este conectată', en: 'Register not connected', az: 'Kassa qoşulmayıb' },
    {
      ro: 'Verificați că este pornită și că are cablul (sau rețeaua) conectat; FisCool se reconectează singur.',
      en: 'Check that it is on and its cable (or network) is connected; FisCool reconnects by itself.',
      az: 'Yandırıldığını və kabelinin (və ya şəbəkənin) qoşulduğunu yoxlayın; FisCool özü yenidən qoşulur.',
    },
  ),
  CONNECTING: own(
    { ro: 'Se conectează', en: 'Connecting', az: 'Qoşulur' },
    {
      ro: 'Așteptați câteva secunde; dacă nu se conectează, verificați alimentarea și cablul.',
      en: 'Wait a few seconds; if it does not connect, check its power and cable.',
      az: 'Bir neçə saniyə gözləyin; qoşulmazsa, enerjini və kabeli yoxlayın.',
    },
  ),
  DISABLED: own(
    { ro: 'Dezactivată', en: 'Disabled', az: 'Söndürülüb' },
    {
      ro: 'Activați casa din pagina Dispozitive.',
      en: 'Enable the register on the Devices page.',
      az: 'Kassanı Cihazlar səhifəsində aktiv edin.',
    },
  ),
};

const CLIENT_TEXTS: Record<ClientErrorCode, ErrorText> = {
  HUB_UNREACHABLE: own(
    { ro: 'Hubul nu răspunde', en: 'The hub does not answer', az: 'Hub cavab vermir' },
    {
      ro: 'Verificați că FisCool rulează, apoi reîncercați. Nimic nu se pierde.',
      en: 'Check that FisCool is running, then try again. Nothing is lost.',
      az: 'FisCool-un işlədiyini yoxlayın, sonra yenidən cəhd edin. Heç nə itmir.',
    },
  ),
  OUTCOME_UNKNOWN: own(
    {
      ro: 'Nu știm încă dacă s-a tipărit',
      en: 'Not known yet whether it printed',
      az: 'Çap olunub-olunmadığı hələ bəlli deyil',
    },
    {
      ro: 'Hubul nu a răspuns. Apăsați „Reîncearcă” (F9): primiți rezultatul original, bonul nu se tipărește de două ori.',
      en: 'The hub did not answer. Press “Retry” (F9): you get the original outcome; the receipt never prints twice.',
      az: 'Hub cavab vermədi. “Yenidən” (F9) düyməsini basın: ilkin nəticəni alırsınız; qəbz iki dəfə çap olunmur.',
    },
  ),
  VALIDATION: own(
    { ro: 'Date de corectat', en: 'Something to correct', az: 'Düzəliş lazımdır' },
    {
      ro: 'Corectați câmpul indicat și reîncercați. Nu s-a tipărit nimic.',
      en: 'Correct the field shown and try again. Nothing was printed.',
      az: 'Göstərilən sahəni düzəldin və yenidən cəhd edin. Heç nə çap olunmayıb.',
    },
  ),
  AUTH_REQUIRED: own(
    { ro: 'Token necesar', en: 'Token required', az: 'Token tələb olunur' },
    {
      ro: 'Hubul cere un token de acces. Deschideți FisCool din aplicație sau cereți tokenul administratorului.',
      en: 'The hub requires an access token. Open FisCool from the app or ask your administrator for it.',
      az: 'Hub giriş tokeni tələb edir. FisCool-u proqramdan açın və ya tokeni administratordan istəyin.',
    },
  ),
  FORBIDDEN: own(
    { ro: 'Acces refuzat', en: 'Access refused', az: 'Giriş rədd edildi' },
    {
      ro: 'Hubul nu primește cereri de la această adresă. Deschideți interfața de pe adresa hubului.',
      en: 'The hub does not accept requests from this address. Open the interface from the hub’s own address.',
      az: 'Hub bu ünvandan sorğu qəbul etmir. İnterfeysi hubun öz ünvanından açın.',
    },
  ),
  NOT_FOUND: own(
    { ro: 'Nu mai există', en: 'No longer there', az: 'Artıq mövcud deyil' },
    {
      ro: 'Dispozitivul sau înregistrarea nu mai există. Reîncărcați pagina.',
      en: 'The device or record no longer exists. Reload the page.',
      az: 'Cihaz və ya qeyd artıq yoxdur. Səhifəni yeniləyin.',
    },
  ),
  IDEMPOTENCY_CONFLICT: own(
    { ro: 'Bonul a fost schimbat', en: 'The receipt was changed', az: 'Qəbz dəyişdirilib' },
    {
      ro: 'Același bon a fost trimis deja cu alt conținut. Începeți un bon nou (F8).',
      en: 'This receipt was already sent with other content. Start a new receipt (F8).',
      az: 'Bu qəbz artıq başqa məzmunla göndərilib. Yeni qəbzə başlayın (F8).',
    },
  ),
  INTERNAL: own(
    { ro: 'Eroare internă', en: 'Internal error', az: 'Daxili xəta' },
    {
      ro: 'Eroare în hub. Reîncercați; dacă se repetă, reporniți FisCool.',
      en: 'An error in the hub. Try again; if it happens again, restart FisCool.',
      az: 'Hubda xəta. Yenidən cəhd edin; təkrarlanarsa, FisCool-u yenidən başladın.',
    },
  ),
  BAD_NUMBER: own(
    { ro: 'Număr de neînțeles', en: 'Not a number', az: 'Rəqəm deyil' },
    {
      ro: 'Scrieți un număr, de exemplu 12,50 sau 1.234,50.',
      en: 'Type a number, for example 12.50 or 1,234.50.',
      az: 'Rəqəm yazın, məsələn 12,50 və ya 1234.50.',
    },
  ),
  AMBIGUOUS_NUMBER: own(
    { ro: 'Număr ambiguu', en: 'Ambiguous number', az: 'Qeyri-müəyyən rəqəm' },
    {
      ro: 'Nu e clar dacă separatorul desparte miile sau zecimalele. Scrieți suma fără separator de mii: 1234 sau 1234,50.',
      en: 'It is not clear whether the separator marks thousands or decimals. Type the amount without a thousands separator: 1234 or 1234.50.',
      az: 'Ayırıcının minlikləri, yoxsa onluqları göstərdiyi bəlli deyil. Məbləği minlik ayırıcısız yazın: 1234 və ya 1234,50.',
    },
  ),
};

export const ERROR_TEXTS: Readonly<Record<ErrorTextCode, ErrorText>> = {
  ...DEVICE_TEXTS,
  ...HEALTH_TEXTS,
  ...CLIENT_TEXTS,
};

/** The device error code of a negative `status` (-500 → PAPER_OUT), as inbox records and answer files carry it. */
export function codeOfStatus(status: number | null): DeviceErrorCode | null {
  if (status === null) return null;
  const hit = (Object.keys(DEVICE_ERRORS) as DeviceErrorCode[]).find((c) => DEVICE_ERRORS[c].status === status);
  return hit ?? null;
}

export function isErrorTextCode(code: unknown): code is ErrorTextCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_TEXTS, code);
}
