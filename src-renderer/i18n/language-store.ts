/**
 * The GUI language of THIS client (RO default, EN, AZ): kept in the browser (localStorage), sent to the hub with
 * every request (`X-FisCool-Language`) so the hub's own texts match. It never changes the hub-wide `language`
 * setting: other tills and the programs keep theirs. The first time, the hub's default language is taken.
 */
import { create } from 'zustand';
import type { TextLanguage } from '../../src-main/shared/texts/text-language.js';
import { isTextLanguage } from '../../src-main/shared/texts/text-language.js';
import { az } from './texts-az.js';
import { en } from './texts-en.js';
import { ro, type Texts } from './texts-ro.js';

const KEY = 'fiscool.language';

function stored(): TextLanguage | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return isTextLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

interface LanguageState {
  lang: TextLanguage;
  /** True once the user (or an earlier visit) chose a language on this client. */
  chosen: boolean;
  setLang(lang: TextLanguage): void;
  /** The hub's default, used only while this client has not chosen one. */
  adoptDefault(lang: string): void;
}

const initial = stored();

export const useLanguageStore = create<LanguageState>((set, get) => ({
  lang: initial ?? 'ro',
  chosen: initial !== null,
  setLang(lang) {
    try {
      window.localStorage.setItem(KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
    set({ lang, chosen: true });
  },
  adoptDefault(lang) {
    if (!get().chosen && isTextLanguage(lang)) set({ lang });
  },
}));

/** The language to send with a request (read outside React). */
export function currentLanguage(): TextLanguage {
  return useLanguageStore.getState().lang;
}

export function textsFor(lang: TextLanguage): Texts {
  return lang === 'en' ? en : lang === 'az' ? az : ro;
}

export function useTexts(): Texts {
  return textsFor(useLanguageStore((s) => s.lang));
}

export function useLang(): TextLanguage {
  return useLanguageStore((s) => s.lang);
}
