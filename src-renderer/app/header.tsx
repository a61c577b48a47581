/** Title, page tabs, the link to the hub, and the RO/EN switch. */
import type { Language } from '../../src-main/shared/api-types.js';
import { useConnectionStore } from '../features/connection/connection-store.js';
import { useInboxStore } from '../features/inbox/inbox-store.js';
import { useLanguageStore, useTexts } from '../i18n/language-store.js';
import { useNavStore, type Page } from './nav-store.js';

export function Header() {
  const t = useTexts();
  const { page, go } = useNavStore();
  const online = useConnectionStore((s) => s.online);
  const { lang, setLang } = useLanguageStore();
  const pending = useInboxStore((s) => s.files.filter((f) => f.state === 'failed' || f.state === 'waiting').length);
  const tabs: Array<[Page, string]> = [
    ['register', t.tabRegister],
    ['inbox', t.tabInbox + (pending ? ` (${pending})` : '')],
    ['settings', t.tabSettings],
  ];
  return (
    <header className="header">
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <span>{t.appTitle}</span>
      </div>
      <nav className="tabs" aria-label="FisCool">
        {tabs.map(([p, label]) => (
          <button key={p} type="button" className={p === page ? 'tab active' : 'tab'} aria-current={p === page ? 'page' : undefined} onClick={() => go(p)}>
            {label}
          </button>
        ))}
      </nav>
      <div className={online ? 'link-state online' : 'link-state offline'} data-testid="hub-link" role="status">
        {online ? t.hubOnline : t.hubOffline}
      </div>
      <div className="lang-switch" role="group" aria-label={t.language}>
        {(['ro', 'en'] as Language[]).map((l) => (
          <button key={l} type="button" className={l === lang ? 'active' : ''} aria-pressed={l === lang} onClick={() => void setLang(l)}>
            {l.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
