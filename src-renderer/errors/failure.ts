/** What went wrong, kept raw so it is explained in whichever language is showing when it is rendered. */
import type { Texts } from '../i18n/texts-ro.js';
import { explainDeviceAnswer, explainError, type Explained } from './explain-error.js';

export type Failure =
  | { kind: 'api'; err: unknown }
  | { kind: 'device'; error: string; code: string }
  | { kind: 'input'; message: (t: Texts) => string };

export function explainFailure(f: Failure, t: Texts): Explained {
  switch (f.kind) {
    case 'api':
      return explainError(f.err, t);
    case 'device':
      return explainDeviceAnswer(f, t);
    case 'input':
      return { title: t.errTitle, action: f.message(t), detail: null, field: null };
  }
}
