/** The settings page: GET /manage/settings, the fields being edited, POST /manage/save_settings with what changed. */
import { create } from 'zustand';
import type { SettingsBody } from '../../../src-main/shared/api-types.js';
import type { Failure } from '../../errors/failure.js';
import { apiGet, apiPost } from '../../lib/api-client.js';
import { hubLocation, setBrowserToken } from '../../lib/bridge.js';
import { draftOf, patchOf, type SettingsDraft } from './settings-draft.js';

interface SettingsState {
  settings: SettingsBody | null;
  draft: SettingsDraft | null;
  busy: boolean;
  saved: string | null;
  failure: Failure | null;
  load(): Promise<void>;
  patch(p: Partial<SettingsDraft>): void;
  save(): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: null,
  draft: null,
  busy: false,
  saved: null,
  failure: null,
  async load() {
    try {
      const s = (await apiGet<{ settings: SettingsBody }>('/manage/settings')).settings;
      set({ settings: s, draft: draftOf(s), failure: null });
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    }
  },
  patch(p) {
    const d = get().draft;
    if (d) set({ draft: { ...d, ...p }, saved: null });
  },
  async save() {
    const { settings, draft } = get();
    if (!settings || !draft) return;
    const patch = patchOf(settings, draft);
    set({ busy: true, failure: null, saved: null });
    try {
      const out = await apiPost<{ msg: string; settings: SettingsBody }>('/manage/save_settings', patch);
      // In a browser the GUI itself must now send the new token (the app's preload gets it from the main process).
      const api = patch.api as { token?: string | null } | undefined;
      if (api && 'token' in api && !window.fiscool && hubLocation().apiBase) setBrowserToken(api.token ?? null);
      set({ settings: out.settings, draft: draftOf(out.settings), saved: out.msg });
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    } finally {
      set({ busy: false });
    }
  },
}));
