/**
 * Configured devices with live status and health: loaded from GET /devices/*, patched by `device_status` pushes.
 * The chosen register is remembered by this client.
 */
import { create } from 'zustand';
import type { DeviceStatusEvent, FiscalDeviceBody, PosTerminalBody } from '../../../src-main/shared/api-types.js';
import { apiGet } from '../../lib/api-client.js';

const SELECTED_KEY = 'fiscool.register';

interface DevicesState {
  fiscal: FiscalDeviceBody[];
  pos: PosTerminalBody[];
  loaded: boolean;
  selectedId: string | null;
  load(): Promise<void>;
  select(id: string): void;
  applyStatus(e: DeviceStatusEvent): void;
}

export function patchStatus<T extends FiscalDeviceBody | PosTerminalBody>(list: T[], e: DeviceStatusEvent): T[] {
  return list.map((d) => {
    if (d.config.id !== e.device_id) return d;
    const problem = e.status !== 'Connected' && e.status !== 'Busy' && e.detail ? e.detail : undefined;
    const { last_error: _old, ...rest } = d;
    return {
      ...rest,
      status: e.status,
      status_text: e.status_text,
      connected_device_id: e.connected_device_id,
      ...(problem ? { last_error: problem } : {}),
      ...(e.health ? { health: e.health } : {}),
    } as T;
  });
}

function remembered(): string | null {
  try {
    return window.localStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
}

/** Status pushes that arrive while a load is on its way: its answer may be older, so they are applied again on top. */
let inFlight: DeviceStatusEvent[] | null = null;

export const useDevicesStore = create<DevicesState>((set, get) => ({
  fiscal: [],
  pos: [],
  loaded: false,
  selectedId: remembered(),
  async load() {
    const mine: DeviceStatusEvent[] = [];
    inFlight = mine;
    let f: { fiscal_devices: FiscalDeviceBody[] };
    let p: { pos_terminals: PosTerminalBody[] };
    try {
      [f, p] = await Promise.all([
        apiGet<{ fiscal_devices: FiscalDeviceBody[] }>('/devices/fiscal'),
        apiGet<{ pos_terminals: PosTerminalBody[] }>('/devices/pos'),
      ]);
    } finally {
      if (inFlight === mine) inFlight = null;
    }
    for (const e of mine) {
      if (e.device_kind === 'fiscal') f.fiscal_devices = patchStatus(f.fiscal_devices, e);
      else p.pos_terminals = patchStatus(p.pos_terminals, e);
    }
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
    try {
      window.localStorage.setItem(SELECTED_KEY, id);
    } catch {
      // kept for this page only
    }
    set({ selectedId: id });
  },
  applyStatus(e) {
    inFlight?.push(e);
    if (e.device_kind === 'fiscal') set({ fiscal: patchStatus(get().fiscal, e) });
    else set({ pos: patchStatus(get().pos, e) });
  },
}));

export function useSelectedDevice(): FiscalDeviceBody | null {
  return useDevicesStore((s) => s.fiscal.find((d) => d.config.id === s.selectedId) ?? null);
}

export function deviceName(id: string): string {
  const s = useDevicesStore.getState();
  return [...s.fiscal, ...s.pos].find((d) => d.config.id === id)?.config.name ?? id.slice(0, 8);
}
