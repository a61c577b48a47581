/**
 * The card-terminal families: one list read by the catalogue and the driver factory. A family is a descriptor
 * (drivers/<family>/family.ts); adding one (a Romanian bank's ECR protocol, …) = its folders + one line here.
 */
import { simulatedPosFamily } from '../drivers/simulated-pos/family.js';
import { vivaLocalFamily } from '../drivers/viva-local/family.js';

export const CARD_TERMINAL_FAMILIES = [simulatedPosFamily, vivaLocalFamily] as const;
