/** The virtual register's state as Datecs status flags (paper, cover, open receipt, fiscalized …). */
import { IDLE_FLAGS, type StatusFlag } from '../../protocols/datecs/status.js';
import type { VirtualRegisterApi } from '../virtual-register/register-api.js';

export function statusFlagsOf(r: VirtualRegisterApi): StatusFlag[] {
  const s = r.status();
  const flags = Object.keys(IDLE_FLAGS) as StatusFlag[];
  if (s.paper === 'out') flags.push('paper_out');
  if (s.paper === 'near_end') flags.push('paper_near_end');
  if (s.cover_open) flags.push('cover_open');
  if (s.receipt === 'fiscal' || s.receipt === 'refund') flags.push('fiscal_open');
  if (s.receipt === 'non_fiscal') flags.push('nonfiscal_open');
  if (s.fiscal_memory_free <= 0) flags.push('fm_full');
  else if (s.fiscal_memory_free < 60) flags.push('fm_few_z_left');
  return flags;
}
