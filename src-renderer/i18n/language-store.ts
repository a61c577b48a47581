/**
 * The GUI language (RO default). It follows the hub's `language` setting, so the hub's own texts (errors, status)
 * match; switching saves the setting through /manage/save_settings and falls back to the GUI only if that fails.
 */
import { create } from 'zustand';
import type { Language } from '../../src-main/shared/api-types.js';
import { apiGet, apiPost } from '../lib/api-client.js';
import { en } from './texts-en.js';
import { ro, type Texts } from './texts-ro.js';

interface LanguageState {
  lang: Language;
  load(): Promise<void>;
  setLang(lang: Language): Promise<void>;
}

export const useLanguageStore = create<LanguageState>((set) => ({
  lang: 'ro',
  async load() {
    try {
      const body = await apiGet<{ settings: { language: Language } }>('/manage/settings');
      set({ lang: body.settings.language === 'en' ? 'en' : 'ro' });
    } catch {
      // keep the default; the connection banner already says the hub is unreachable
    }
  },
  async setLang(lang) {
    set({ lang });
    document.documentElement.lang = lang;
    try {
      await apiPost('/manage/save_settings', { language: lang });
    } catch {
      // the GUI still switches; the hub's own texts stay in its language
    }
  },
}));

export function textsFor(lang: Language): Texts {
  return lang === 'en' ? en : ro;
}

export function useTexts(): Texts {
  return textsFor(useLanguageStore((s) => s.lang));
}
