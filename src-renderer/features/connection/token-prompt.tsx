/**
 * Shown in a plain browser when the hub answers 401 (it has an API token): the administrator types the token once
 * for this tab. Inside the Electron app the preload supplies it and this never shows.
 */
import { useState, type FormEvent } from 'react';
import { catalogue } from '../../errors/explain-error.js';
import { useLang, useTexts } from '../../i18n/language-store.js';
import { setBrowserToken } from '../../lib/bridge.js';
import { useConnectionStore } from './connection-store.js';
import { reloadAll } from './start-live-updates.js';

export function TokenPrompt() {
  const t = useTexts();
  const lang = useLang();
  const needed = useConnectionStore((s) => s.tokenNeeded);
  const [value, setValue] = useState('');
  if (!needed) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBrowserToken(value.trim() || null);
    useConnectionStore.getState().setTokenNeeded(false);
    reloadAll();
  };
  return (
    <form className="token-prompt" onSubmit={submit} data-testid="token-prompt">
      <span>{catalogue('AUTH_REQUIRED', lang).action}</span>
      <input type="password" aria-label={t.tokenLabel} placeholder={t.tokenLabel} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
      <button type="submit" className="primary">
        {t.tokenUse}
      </button>
    </form>
  );
}
