/**
 * Bootstrap: one WebSocket feeding every store. On each (re)connect all lists are reloaded, so nothing missed while
 * offline stays stale. The hub's default language is adopted only until this client chooses its own. Returns the
 * stop function.
 */
import type { HubPush } from '../../../src-main/shared/api-types.js';
import { useLanguageStore } from '../../i18n/language-store.js';
import { apiGet, setUnauthorizedHandler } from '../../lib/api-client.js';
import { openLiveSocket } from '../../lib/live-socket.js';
import { useDevicesStore } from '../devices/devices-store.js';
import { useInboxStore } from '../inbox/inbox-store.js';
import { useJobsStore } from '../jobs/jobs-store.js';
import { useJournalStore } from '../journal/journal-store.js';
import { useConnectionStore } from './connection-store.js';

function quietly(p: Promise<unknown>): void {
  p.catch(() => undefined);
}

export function reloadAll(): void {
  quietly(useDevicesStore.getState().load());
  quietly(useJobsStore.getState().load());
  quietly(useInboxStore.getState().load());
}

function dispatch(push: HubPush): void {
  switch (push.event) {
    case 'device_status':
      useDevicesStore.getState().applyStatus(push.data);
      return;
    case 'job':
      useJobsStore.getState().applyEvent(push.data);
      if (push.data.state !== 'progress') useJournalStore.getState().changed();
      return;
    case 'inbox_file':
      quietly(useInboxStore.getState().load());
      return;
    case 'devices_changed':
      quietly(useDevicesStore.getState().load());
      return;
    case 'pos_prompt':
      return;
  }
}

export function startLiveUpdates(): () => void {
  setUnauthorizedHandler(() => useConnectionStore.getState().setTokenNeeded(true));
  quietly(apiGet<{ settings: { language: string } }>('/manage/settings').then((b) => useLanguageStore.getState().adoptDefault(b.settings.language)));
  reloadAll();
  const socket = openLiveSocket({
    onPush: dispatch,
    onOpen: () => {
      useConnectionStore.getState().setOnline(true);
      reloadAll();
    },
    onClose: () => useConnectionStore.getState().setOnline(false),
  });
  return () => socket.close();
}
