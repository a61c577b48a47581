/** Title, page tabs (Alt+1…5), the link to the hub, and this client's language (RO / EN / AZ). */
import { TEXT_LANGUAGES } from '../../src-main/shared/texts/text-language.js';
import { useConnectionStore } from '../features/connection/connection-store.js';
import { useInboxStore } from '../features/inbox/inbox-store.js';
import { useLanguageStore, useTexts } from '../i18n/language-store.js';
import { PAGES, useNavStore } from './nav-store.js';
import { useShortcuts } from './shortcuts.js';

export function Header() {
  const t = useTexts();
  const { page, go } = useNavStore();
  const online = useConnectionStore((s) => s.online);
  const { lang, setLang } = useLanguageStore();
  const pending = useInboxStore((s) => s.files.filter((f) => f.state === 'failed' || f.state === 'waiting').length);
  useShortcuts(Object.fromEntries(PAGES.map((p, i) => [`Alt+${i + 1}`, () => go(p)])));
  return (
    <header className="header">
      <div className="brand">
        <img src="./icon.svg" alt="" width={24} height={24} />
        <span>{t.appTitle}</span>
      </div>
      <nav className="tabs" aria-label="FisCool">
        {PAGES.map((p, i) => (
          <button key={p} type="button" className={p === page ? 'tab active' : 'tab'} aria-current={p === page ? 'page' : undefined} title={`Alt+${i + 1}`} onClick={() => go(p)}>
            {t.tabs[p]}
            {p === 'inbox' && pending ? <span className="tab-count"> ({pending})</span> : null}
          </button>
        ))}
      </nav>
      <div className={online ? 'link-state online' : 'link-state offline'} data-testid="hub-link" role="status">
        {online ? t.hubOnline : t.hubOffline}
      </div>
      <div className="lang-switch" role="group" aria-label={t.language}>
        {TEXT_LANGUAGES.map((l) => (
          <button key={l} type="button" className={l === lang ? 'active' : ''} aria-pressed={l === lang} onClick={() => setLang(l)}>
            {l.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
