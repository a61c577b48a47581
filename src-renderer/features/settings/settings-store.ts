/** The device settings page: supported models, the device being edited, save and delete through /manage/*. */
import { create } from 'zustand';
import type { DeviceKind, DeviceSaveAnswer, FiscalDeviceConfig, PosTerminalConfig, SupportedDevicesBody } from '../../../src-main/shared/api-types.js';
import type { Failure } from '../../errors/failure.js';
import { apiGet, apiPost } from '../../lib/api-client.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { configFromDraft, draftFromConfig, newDraft, type DeviceDraft } from './device-draft.js';

interface SettingsState {
  supported: SupportedDevicesBody | null;
  draft: DeviceDraft | null;
  busy: boolean;
  notice: 'saved' | 'deleted' | null;
  /** Warnings of the last save (e.g. a scan folder that already holds other files), in the hub's words. */
  warnings: string[];
  failure: Failure | null;
  loadSupported(): Promise<void>;
  startNew(kind: DeviceKind): void;
  startEdit(kind: DeviceKind, config: FiscalDeviceConfig | PosTerminalConfig): void;
  patch(p: Partial<DeviceDraft>): void;
  cancel(): void;
  save(): Promise<void>;
  remove(kind: DeviceKind, id: string): Promise<void>;
}

const PATHS: Record<DeviceKind, { save: string; remove: string }> = {
  fiscal: { save: '/manage/save_fiscal_device', remove: '/manage/delete_fiscal_device' },
  pos: { save: '/manage/save_pos_terminal', remove: '/manage/delete_pos_terminal' },
};

export const useSettingsStore = create<SettingsState>((set, get) => ({
  supported: null,
  draft: null,
  busy: false,
  notice: null,
  warnings: [],
  failure: null,
  async loadSupported() {
    try {
      set({ supported: await apiGet<SupportedDevicesBody>('/manage/get_supported_devices') });
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    }
  },
  startNew: (kind) => set({ draft: newDraft(kind, get().supported), notice: null, warnings: [], failure: null }),
  startEdit: (kind, config) => set({ draft: draftFromConfig(kind, config), notice: null, warnings: [], failure: null }),
  patch: (p) => {
    const d = get().draft;
    if (d) set({ draft: { ...d, ...p } });
  },
  cancel: () => set({ draft: null, failure: null }),
  async save() {
    const d = get().draft;
    if (!d) return;
    set({ busy: true, failure: null, notice: null, warnings: [] });
    try {
      const answer = await apiPost<DeviceSaveAnswer>(PATHS[d.kind].save, configFromDraft(d));
      set({ draft: null, notice: 'saved', warnings: (answer?.warnings ?? []).map((w) => w.message) });
      await useDevicesStore.getState().load();
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    } finally {
      set({ busy: false });
    }
  },
  async remove(kind, id) {
    set({ busy: true, failure: null, notice: null });
    try {
      await apiPost(PATHS[kind].remove, { id });
      set({ notice: 'deleted', draft: get().draft?.base.id === id ? null : get().draft });
      await useDevicesStore.getState().load();
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    } finally {
      set({ busy: false });
    }
  },
}));
