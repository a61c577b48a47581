/** The whole window: header, then the register page (devices · receipt · reports and jobs), inbox or settings. */
import { useEffect } from 'react';
import { startLiveUpdates } from '../features/connection/start-live-updates.js';
import { TokenPrompt } from '../features/connection/token-prompt.js';
import { DeviceList } from '../features/devices/device-list.js';
import { InboxList } from '../features/inbox/inbox-list.js';
import { JobsList } from '../features/jobs/jobs-list.js';
import { ReceiptForm } from '../features/receipt/receipt-form.js';
import { ReportPanel } from '../features/reports/report-panel.js';
import { DeviceSettingsPage } from '../features/settings/device-settings-page.js';
import { useLanguageStore } from '../i18n/language-store.js';
import { onTrayCommand } from '../lib/bridge.js';
import { Header } from './header.js';
import { pageForTray, useNavStore } from './nav-store.js';

export function App() {
  const page = useNavStore((s) => s.page);
  const lang = useLanguageStore((s) => s.lang);
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
        {page === 'register' ? (
          <div className="register-grid">
            <DeviceList />
            <ReceiptForm />
            <div className="side">
              <ReportPanel />
              <JobsList />
            </div>
          </div>
        ) : null}
        {page === 'inbox' ? <InboxList /> : null}
        {page === 'settings' ? <DeviceSettingsPage /> : null}
      </main>
    </div>
  );
}
