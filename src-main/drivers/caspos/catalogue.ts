/** The Caspos entry of the supported-devices catalogue: Android registers running Caspos Mobile, over Wi-Fi HTTP. */
import type { SupportedManufacturer, SupportedModel } from '../../devices/supported-devices.js';
import { DEFAULT_CASPOS_PORT } from '../../protocols/caspos/envelope.js';
import { CASPOS_SECRET_OPTIONS } from './options.js';

const model = (name: string): SupportedModel => ({
  model: name,
  connection_types: ['Network'],
  family: 'caspos',
  default_tcp_port: DEFAULT_CASPOS_PORT,
  // Caspos prints UTF-8 (Azerbaijani ə, ğ, ı, ö, ş, ç, ü).
  charset: 'unicode',
  secret_options: CASPOS_SECRET_OPTIONS,
});

export const CASPOS_CATALOGUE: SupportedManufacturer = {
  manufacturer: 'Caspos',
  kind: 'fiscal',
  // "Caspos Mobile": any register running the Caspos Mobile app; SUNMI V1S: the model of the seed's getInfo.
  models: [model('Caspos Mobile'), model('SUNMI V1S')],
};
