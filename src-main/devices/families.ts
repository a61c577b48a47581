/**
 * THE list of device families. The catalogue (GET /manage/get_supported_devices), the driver factory, validation
 * (capabilities, options), serial detection, the emulator CLI and the GUI's device editor all read it.
 * Adding a family: its folder under drivers/ (with `family.ts`) + one line here.
 */
import { casposFamily } from '../drivers/caspos/family.js';
import { datecsFamily } from '../drivers/datecs/family.js';
import { simulatedPosFamily } from '../drivers/simulated-pos/family.js';
import { simulatedFamily } from '../drivers/simulated/family.js';
import { vivaLocalFamily } from '../drivers/viva-local/family.js';
import type { DeviceFamily } from './family.js';

export const FAMILIES: readonly DeviceFamily[] = [simulatedFamily, datecsFamily, casposFamily, simulatedPosFamily, vivaLocalFamily];
