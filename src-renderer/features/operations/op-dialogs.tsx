/** The operations that need a word from the cashier first: an amount, text lines, a period, the time, a confirmation. */
import { useEffect, useState } from 'react';
import { Dialog } from '../../app/dialog.js';
import { ErrorNotice } from '../../errors/error-notice.js';
import type { Failure } from '../../errors/failure.js';
import { useTexts } from '../../i18n/language-store.js';
import { localDate, localDateTime } from '../../lib/download.js';
import { parseEntry } from '../../lib/number-entry.js';

export function CashDialog({ title, onClose, onRun }: { title: string; onClose: () => void; onRun: (cents: number) => void }) {
  const t = useTexts();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Failure | null>(null);
  const submit = () => {
    const r = parseEntry(text, 2);
    if (r.ok && r.value > 0) return onRun(r.value);
    const code = !r.ok && r.reason === 'ambiguous' ? 'AMBIGUOUS_NUMBER' : 'BAD_NUMBER';
    setProblem({ kind: 'input', code, message: (tt) => (code === 'AMBIGUOUS_NUMBER' ? tt.numberAmbiguous(tt.cashAmount, text) : tt.numberBad(tt.cashAmount)) });
  };
  return (
    <Dialog title={title} onClose={onClose} onConfirm={submit} confirmLabel={t.run} testId="cash-dialog">
      <label>
        {t.cashAmount}
        <input className="num" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} />
      </label>
      {problem ? <ErrorNotice failure={problem} /> : null}
    </Dialog>
  );
}

export function NonFiscalDialog({ onClose, onRun }: { onClose: () => void; onRun: (lines: string[]) => void }) {
  const t = useTexts();
  const [text, setText] = useState('');
  const lines = text.split('\n').map((l) => l.trimEnd());
  return (
    <Dialog title={t.ops.print_non_fiscal ?? ''} onClose={onClose} onConfirm={() => onRun(lines)} confirmLabel={t.run} confirmDisabled={text.trim() === ''} testId="nonfiscal-dialog">
      <label>
        {t.nonFiscalLines}
        <textarea rows={6} value={text} maxLength={72 * 40} onChange={(e) => setText(e.target.value)} />
      </label>
    </Dialog>
  );
}

export function JeDialog({ onClose, onRun }: { onClose: () => void; onRun: (from: string, to: string) => void }) {
  const t = useTexts();
  const today = localDate();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  return (
    <Dialog title={t.ops.je_report ?? ''} onClose={onClose} onConfirm={() => onRun(from, to)} confirmLabel={t.run} confirmDisabled={!from || !to || from > to} testId="je-dialog">
      <div className="form-grid">
        <label>
          {t.jeFrom}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t.jeTo}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
    </Dialog>
  );
}

export function DateTimeDialog({
  onClose,
  read,
  setTime,
}: {
  onClose: () => void;
  read: () => Promise<string | null>;
  setTime: (iso: string) => Promise<string | null>;
}) {
  const t = useTexts();
  const [register, setRegister] = useState<string | null>(null);
  const [pc, setPc] = useState(localDateTime());
  useEffect(() => {
    void read().then(setRegister);
    const timer = setInterval(() => setPc(localDateTime()), 1000);
    return () => clearInterval(timer);
  }, []); // read once when the dialog opens
  return (
    <Dialog title={t.ops.datetime ?? ''} onClose={onClose} testId="datetime-dialog">
      <dl className="kv">
        <dt>{t.registerTime}</dt>
        <dd data-testid="register-time">{register ? register.replace('T', ' ') : t.none}</dd>
        <dt>{t.pcTime}</dt>
        <dd>{pc.replace('T', ' ')}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void read().then(setRegister)}>
          {t.readTime}
        </button>
        <button type="button" className="primary" onClick={() => void setTime(localDateTime()).then((v) => v && setRegister(v))}>
          {t.setToPc}
        </button>
      </div>
    </Dialog>
  );
}

export function ConfirmDialog({ title, text, onClose, onConfirm }: { title: string; text: string; onClose: () => void; onConfirm: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} onConfirm={onConfirm} testId="confirm-dialog">
      <p>{text}</p>
    </Dialog>
  );
}
