/** A Viva session answer (GET /pos/v1/sessions/{id}) → what FisCool concludes about the transaction. Pure. */
import { eventInfo, type VivaEventClass } from './event-ids.js';
import { SessionAnswerIn, type TransactionResponseIn } from './messages.js';

export type SessionVerdict =
  | { kind: 'not_found' }
  | { kind: 'in_progress' }
  | { kind: 'final'; cls: VivaEventClass; eventId: number; message: string; response: TransactionResponseIn | null }
  /** SERVER_ERROR or a shape nobody documented: the outcome is not known from this answer. */
  | { kind: 'unknown'; detail: string };

export function sessionVerdict(body: unknown): SessionVerdict {
  const parsed = SessionAnswerIn.safeParse(body);
  if (!parsed.success) return { kind: 'unknown', detail: 'the terminal answered something that is not a session' };
  const s = parsed.data;
  const response = s.payloadData?.saleResponse ?? s.payloadData?.cancelResponse ?? null;
  switch (s.state) {
    case 'SESSION_NOT_FOUND_ERROR':
      return { kind: 'not_found' };
    case 'PROCESSING':
      return { kind: 'in_progress' };
    case 'SUCCESS':
    case 'FAILURE': {
      const eventId = response?.eventId ?? (s.state === 'SUCCESS' ? 0 : 1099);
      const approved = s.state === 'SUCCESS' && response?.isSuccess === true;
      const info = eventInfo(eventId);
      // A finished session that is not an approval never counts as approved, whatever its eventId says.
      const cls: VivaEventClass = approved ? 'approved' : info.cls === 'approved' ? 'rejected' : info.cls;
      return { kind: 'final', cls, eventId, message: response?.message || info.en, response };
    }
    default:
      return { kind: 'unknown', detail: `session state ${s.state}` };
  }
}

/** The terminal's "amount" in minor units from a response, else the amount FisCool asked for. */
export function answeredAmount(response: TransactionResponseIn | null, asked: number): number {
  const a = response?.amount;
  return typeof a === 'number' && Number.isInteger(a) && a > 0 ? a : asked;
}
