/**
 * The whole window: header, then one page. The register page keeps the receipt, its total and Print on screen at
 * 1024×600: registers on the left, the receipt in the middle, operations and recent jobs on the right.
 */
import { useEffect } from 'react';
import { DevicesPage } from '../features/admin/devices-page.js';
import { startLiveUpdates } from '../features/connection/start-live-updates.js';
import { TokenPrompt } from '../features/connection/token-prompt.js';
import { DeviceList } from '../features/devices/device-list.js';
import { InboxList } from '../features/inbox/inbox-list.js';
import { JobsList } from '../features/jobs/jobs-list.js';
import { JournalPage } from '../features/journal/journal-page.js';
import { OperationsPanel } from '../features/operations/operations-panel.js';
import { ReceiptPanel } from '../features/receipt/receipt-panel.js';
import { SettingsPage } from '../features/settings/settings-page.js';
import { useLang } from '../i18n/language-store.js';
import { onTrayCommand } from '../lib/bridge.js';
import { Header } from './header.js';
import { pageForTray, useNavStore } from './nav-store.js';

function RegisterPage() {
  return (
    <div className="register-grid">
      <DeviceList />
      <ReceiptPanel />
      <div className="side">
        <OperationsPanel />
        <JobsList />
      </div>
    </div>
  );
}

export function App() {
  const page = useNavStore((s) => s.page);
  const lang = useLang();
  useEffect(() => startLiveUpdates(), []);
  useEffect(() => onTrayCommand((c) => useNavStore.getState().go(pageForTray(c))), []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <div className="app">
      <Header />
      <TokenPrompt />
      <main className={`page page-${page}`}>
        {page === 'register' ? <RegisterPage /> : null}
        {page === 'journal' ? <JournalPage /> : null}
        {page === 'inbox' ? <InboxList /> : null}
        {page === 'devices' ? <DevicesPage /> : null}
        {page === 'settings' ? <SettingsPage /> : null}
      </main>
    </div>
  );
}
