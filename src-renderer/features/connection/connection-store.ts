/** Is the GUI's WebSocket to the hub open, and does the hub want a token we do not have? Drives the header. */
import { create } from 'zustand';

interface ConnectionState {
  online: boolean;
  tokenNeeded: boolean;
  setOnline(online: boolean): void;
  setTokenNeeded(needed: boolean): void;
}

export const useConnectionStore = create<ConnectionState>((set) => ({
  online: false,
  tokenNeeded: false,
  setOnline: (online) => set(online ? { online, tokenNeeded: false } : { online }),
  setTokenNeeded: (tokenNeeded) => set({ tokenNeeded }),
}));
