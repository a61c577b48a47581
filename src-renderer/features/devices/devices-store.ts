/** Configured devices with live status: loaded from GET /devices/*, patched by `device_status` pushes. */
import { create } from 'zustand';
import type { DeviceStatusEvent, FiscalDeviceBody, PosTerminalBody } from '../../../src-main/shared/api-types.js';
import { apiGet } from '../../lib/api-client.js';

interface DevicesState {
  fiscal: FiscalDeviceBody[];
  pos: PosTerminalBody[];
  loaded: boolean;
  selectedId: string | null;
  load(): Promise<void>;
  select(id: string): void;
  applyStatus(e: DeviceStatusEvent): void;
}

export function patchStatus<T extends { config: { id: string }; status: string }>(list: T[], e: DeviceStatusEvent): T[] {
  const problem = e.status !== 'Connected' && e.status !== 'Busy' && e.detail ? { last_error: e.detail } : { last_error: undefined };
  return list.map((d) =>
    d.config.id === e.device_id
      ? { ...d, status: e.status, status_text: e.status_text, connected_device_id: e.connected_device_id, ...problem }
      : d,
  );
}

export const useDevicesStore = create<DevicesState>((set, get) => ({
  fiscal: [],
  pos: [],
  loaded: false,
  selectedId: null,
  async load() {
    const [f, p] = await Promise.all([
      apiGet<{ fiscal_devices: FiscalDeviceBody[] }>('/devices/fiscal'),
      apiGet<{ pos_terminals: PosTerminalBody[] }>('/devices/pos'),
    ]);
    const selected = get().selectedId;
    const stillThere = f.fiscal_devices.some((d) => d.config.id === selected);
    set({
      fiscal: f.fiscal_devices,
      pos: p.pos_terminals,
      loaded: true,
      selectedId: stillThere ? selected : (f.fiscal_devices.find((d) => d.config.enabled)?.config.id ?? null),
    });
  },
  select(id) {
    set({ selectedId: id });
  },
  applyStatus(e) {
    if (e.device_kind === 'fiscal') set({ fiscal: patchStatus(get().fiscal, e) });
    else set({ pos: patchStatus(get().pos, e) });
  },
}));

export function useSelectedDevice(): FiscalDeviceBody | null {
  return useDevicesStore((s) => s.fiscal.find((d) => d.config.id === s.selectedId) ?? null);
}
