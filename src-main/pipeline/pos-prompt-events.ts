/** `pos_prompt` events: what the card terminal asks of the customer, for the GUI and WebSocket subscribers. */
import type { JobRecord } from '../domain/jobs.js';
import { promptText, type PosPromptUpdate } from '../domain/pos-prompts.js';
import type { RunnerDeps } from './runner-deps.js';

export function emitPosPrompt(deps: Pick<RunnerDeps, 'events' | 'language'>, job: Pick<JobRecord, 'id' | 'device_id' | 'operation'>, p: PosPromptUpdate): void {
  const op = job.operation as { type: string; amount?: unknown; reference?: unknown };
  deps.events.emit('pos_prompt', {
    device_id: job.device_id,
    job_id: job.id,
    reference: typeof op.reference === 'string' ? op.reference : null,
    operation_type: op.type,
    amount_cents: typeof op.amount === 'number' ? op.amount : null,
    stage: p.stage,
    text: promptText(p.stage, deps.language()),
    ...(p.detail ? { detail: p.detail } : {}),
  });
}
