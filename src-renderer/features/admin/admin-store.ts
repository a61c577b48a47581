/**
 * The Devices page: the hub's catalogue (models, connections, options schemas), the device being edited, save and
 * delete, the machine's serial ports, detection and the connection test — all through /manage/*.
 */
import { create } from 'zustand';
import type {
  ConnectionTestBody,
  DetectedDeviceBody,
  DetectedNetworkDeviceBody,
  DeviceKind,
  DeviceSaveAnswer,
  FiscalDeviceConfig,
  PosTerminalConfig,
  SerialPortBody,
  SupportedDevicesBody,
  SupportedModelBody,
} from '../../../src-main/shared/api-types.js';
import type { Failure } from '../../errors/failure.js';
import { apiGet, apiPost } from '../../lib/api-client.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { configFromDraft, draftFromConfig, newDraft, type DeviceDraft } from './device-draft.js';

interface AdminState {
  supported: SupportedDevicesBody | null;
  draft: DeviceDraft | null;
  busy: boolean;
  notice: 'saved' | 'deleted' | null;
  /** Warnings of the last save (e.g. a scan folder that already holds other files), in the hub's words. */
  warnings: string[];
  failure: Failure | null;
  ports: SerialPortBody[] | null;
  detecting: boolean;
  detected: DetectedDeviceBody[] | null;
  /** Caspos devices that answered on the addresses asked for. */
  networkDetected: DetectedNetworkDeviceBody[] | null;
  testing: boolean;
  test: ConnectionTestBody | null;
  loadSupported(): Promise<void>;
  loadPorts(): Promise<void>;
  startNew(kind: DeviceKind): void;
  startEdit(kind: DeviceKind, config: FiscalDeviceConfig | PosTerminalConfig): void;
  patch(p: Partial<DeviceDraft>): void;
  setOption(key: string, text: string): void;
  cancel(): void;
  save(): Promise<void>;
  remove(kind: DeviceKind, id: string): Promise<void>;
  detect(ports: string[]): Promise<void>;
  detectNetwork(hosts: string[]): Promise<void>;
  testConnection(): Promise<void>;
}

const PATHS: Record<DeviceKind, { save: string; remove: string }> = {
  fiscal: { save: '/manage/save_fiscal_device', remove: '/manage/delete_fiscal_device' },
  pos: { save: '/manage/save_pos_terminal', remove: '/manage/delete_pos_terminal' },
};

export function modelOf(s: Pick<AdminState, 'supported'>, d: DeviceDraft): SupportedModelBody | undefined {
  return s.supported?.[d.kind].find((m) => m.manufacturer === d.manufacturer)?.models.find((m) => m.model === d.model);
}

export const useAdminStore = create<AdminState>((set, get) => {
  /** Run one admin call: busy while it runs, its failure shown. */
  async function guarded(flag: 'busy' | 'detecting' | 'testing', fn: () => Promise<void>): Promise<void> {
    set({ [flag]: true, failure: null } as Partial<AdminState>);
    try {
      await fn();
    } catch (err) {
      set({ failure: { kind: 'api', err } });
    } finally {
      set({ [flag]: false } as Partial<AdminState>);
    }
  }
  const fresh = { notice: null, warnings: [], failure: null, detected: null, networkDetected: null, test: null };
  return {
    supported: null,
    draft: null,
    busy: false,
    notice: null,
    warnings: [],
    failure: null,
    ports: null,
    detecting: false,
    detected: null,
    networkDetected: null,
    testing: false,
    test: null,
    loadSupported: () => guarded('busy', async () => set({ supported: await apiGet<SupportedDevicesBody>('/manage/get_supported_devices') })),
    loadPorts: () => guarded('busy', async () => set({ ports: (await apiGet<{ ports: SerialPortBody[] }>('/manage/serial_ports')).ports })),
    startNew: (kind) => set({ draft: newDraft(kind, get().supported), ...fresh }),
    startEdit: (kind, config) => set({ draft: draftFromConfig(kind, config), ...fresh }),
    patch: (p) => {
      const d = get().draft;
      if (d) set({ draft: { ...d, ...p }, test: null });
    },
    setOption: (key, text) => {
      const d = get().draft;
      if (d) set({ draft: { ...d, options: { ...d.options, [key]: text } } });
    },
    cancel: () => set({ draft: null, ...fresh }),
    save: () =>
      guarded('busy', async () => {
        const d = get().draft;
        if (!d) return;
        const answer = await apiPost<DeviceSaveAnswer>(PATHS[d.kind].save, configFromDraft(d, modelOf(get(), d)));
        set({ draft: null, notice: 'saved', warnings: (answer?.warnings ?? []).map((w) => w.message), detected: null, networkDetected: null, test: null });
        await useDevicesStore.getState().load();
      }),
    remove: (kind, id) =>
      guarded('busy', async () => {
        await apiPost(PATHS[kind].remove, { id });
        set({ notice: 'deleted', warnings: [], draft: get().draft?.base.id === id ? null : get().draft });
        await useDevicesStore.getState().load();
      }),
    detect: (ports) =>
      guarded('detecting', async () => {
        set({ detected: null });
        const body = await apiPost<{ devices: DetectedDeviceBody[] }>('/manage/detect', ports.length ? { ports } : {});
        set({ detected: body.devices });
      }),
    detectNetwork: (hosts) =>
      guarded('detecting', async () => {
        set({ networkDetected: null });
        const body = await apiPost<{ network_devices: DetectedNetworkDeviceBody[] }>('/manage/detect', { hosts });
        set({ networkDetected: body.network_devices });
      }),
    testConnection: () =>
      guarded('testing', async () => {
        const d = get().draft;
        if (!d) return;
        set({ test: null });
        set({ test: await apiPost<ConnectionTestBody>('/manage/test_connection', configFromDraft(d, modelOf(get(), d))) });
      }),
  };
});
