/** The scan-folder inbox: GET /inbox/files, reloaded on every `inbox_file` push; retry/discard one file. */
import { create } from 'zustand';
import type { InboxFileBody } from '../../../src-main/shared/api-types.js';
import { apiGet, apiPost } from '../../lib/api-client.js';

interface InboxState {
  files: InboxFileBody[];
  loaded: boolean;
  load(): Promise<void>;
  act(id: string, action: 'retry' | 'discard'): Promise<void>;
}

export const useInboxStore = create<InboxState>((set, get) => ({
  files: [],
  loaded: false,
  async load() {
    const body = await apiGet<{ files: InboxFileBody[] }>('/inbox/files?limit=100');
    set({ files: body.files, loaded: true });
  },
  async act(id, action) {
    await apiPost(`/inbox/files/${encodeURIComponent(id)}/${action}`, {});
    await get().load();
  },
}));
