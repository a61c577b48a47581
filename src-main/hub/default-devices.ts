/** On an empty configuration: one simulated register and one simulated card terminal, linked (design.md). */
import { randomUUID } from 'node:crypto';
import type { FiscalDeviceConfig, PosTerminalConfig } from '../domain/device-config.js';
import type { SettingsService } from '../settings/settings-service.js';

export function seedSimulatedDevices(settings: SettingsService): boolean {
  const s = settings.get();
  if (!s.simulated_devices || s.fiscal_devices.length > 0 || s.pos_terminals.length > 0) return false;
  const pos: PosTerminalConfig = {
    id: randomUUID(),
    name: 'Terminal POS simulat',
    manufacturer: 'FisCool',
    model: 'Simulated Terminal',
    bank: 'Simulat',
    connection_details: { type: 'None' },
    enabled: true,
  };
  const fiscal: FiscalDeviceConfig = {
    id: randomUUID(),
    name: 'Casă de marcat simulată',
    manufacturer: 'FisCool',
    model: 'Simulated',
    connection_details: { type: 'None' },
    notes: 'Created automatically so the API answers at once. Delete it when you add a real register.',
    enabled: true,
    scan_folder: '',
    auto_send_card_to_pos: true,
    linked_pos_device_id: pos.id,
    options: { timing: 'zero' },
  };
  const r = settings.replace({ ...s, fiscal_devices: [fiscal], pos_terminals: [pos] });
  if (!r.ok) throw new Error(`cannot create the simulated devices: ${r.error}`);
  return true;
}
