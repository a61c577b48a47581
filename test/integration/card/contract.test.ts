/** The card-terminal contract suite over every card-terminal family. */
import { describeCardTerminal } from './contract.js';
import { simulatedHarness, vivaHarness } from './harness.js';

describeCardTerminal('simulated terminal', simulatedHarness);
describeCardTerminal('Viva Local Terminal API over HTTP (emulator)', vivaHarness);
