/** Is the GUI's WebSocket to the hub open? Drives the banner in the header. */
import { create } from 'zustand';

interface ConnectionState {
  online: boolean;
  setOnline(online: boolean): void;
}

export const useConnectionStore = create<ConnectionState>((set) => ({
  online: false,
  setOnline: (online) => set({ online }),
}));
