/**
 * The languages of the texts a person reads: Romanian (default), English, and Azerbaijani for Caspos shops. The hub's
 * own `language` setting (ro|en) is the default for programs; a GUI sends its own choice per request in the
 * `X-FisCool-Language` header.
 */
export type TextLanguage = 'ro' | 'en' | 'az';
export const TEXT_LANGUAGES: readonly TextLanguage[] = ['ro', 'en', 'az'];
export const LANGUAGE_HEADER = 'X-FisCool-Language';

export type Localized = Readonly<Record<TextLanguage, string>>;

export function isTextLanguage(v: unknown): v is TextLanguage {
  return typeof v === 'string' && (TEXT_LANGUAGES as readonly string[]).includes(v);
}
