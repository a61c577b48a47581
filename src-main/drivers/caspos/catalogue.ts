/** The Caspos models: Android registers running Caspos Mobile, reached over Wi-Fi HTTP. */
import type { FamilyModel } from '../../devices/family.js';
import { DEFAULT_CASPOS_PORT } from '../../protocols/caspos/envelope.js';

const model = (name: string): FamilyModel => ({ model: name, connection_types: ['Network'], default_tcp_port: DEFAULT_CASPOS_PORT });

export const CASPOS_CATALOGUE = {
  manufacturer: 'Caspos',
  // "Caspos Mobile": any register running the Caspos Mobile app; SUNMI V1S: the model of the seed's getInfo.
  models: [model('Caspos Mobile'), model('SUNMI V1S')],
};
