import { createContext, useContext } from 'react';
import type { BridgeApi } from '../../shared/bridge';
import type { Store } from '../state/store';

/** Copies dropped or picked files to where main can read them and returns their paths (browser mode uploads them). */
export type StageFiles = (files: File[], onProgress?: (index: number, loaded: number, total: number) => void) => Promise<string[]>;

/** Everything the UI talks to, injected so that tests can hand in a fake bridge. */
export interface Host {
  bridge: BridgeApi;
  stageFiles: StageFiles;
  store: Store;
}

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('HostContext is missing: render inside <HostContext.Provider>.');
  return host;
}
