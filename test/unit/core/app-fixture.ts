/** createApp wired to a scripted server, recording every event. Shared by the app facade tests. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChatEntry, EventName } from '../../../shared/bridge';
import { createApp, type App, type CreateAppOptions } from '../../../main/core/app';
import { createFileSecretStore } from '../../../main/core/secret-store';
import { createMemoryStore, type KeyValueStore } from '../../../main/core/storage';
import type { ScriptedServer } from '../../support/scripted-server';

export interface AppFixture {
  app: App;
  store: KeyValueStore;
  outDir: string;
  events: Array<{ name: EventName; payload: unknown }>;
  /** Latest version of each chat entry, in first-seen order. */
  chat(): ChatEntry[];
  /** Resolves when `test` is true of some event (checked on every event and at once). */
  until(test: (name: EventName, payload: unknown) => boolean, timeoutMs?: number): Promise<void>;
}

export function appFixture(server: ScriptedServer, opts: { backend?: 'cloud' | 'local'; extra?: Partial<CreateAppOptions> } = {}): AppFixture {
  const store = createMemoryStore({ settings: { backend: opts.backend ?? 'cloud', apiUrl: server.url, language: 'en' } });
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'vb-app-'));
  const events: Array<{ name: EventName; payload: unknown }> = [];
  const waiters: Array<() => void> = [];
  const app = createApp({
    store,
    secrets: createFileSecretStore(createMemoryStore()),
    appVersion: '1.2.3',
    host: 'browser',
    defaultOutputDir: outDir,
    env: {},
    engine: { start: async () => ({ url: server.url, close: async () => undefined }) },
    tuning: { exportPollMs: 5, recoveryDelaysMs: [5, 5, 5, 5, 5], client: { sleep: async () => undefined } },
    ...opts.extra,
  });
  app.onEvent((name, payload) => {
    events.push({ name, payload });
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    app,
    store,
    outDir,
    events,
    chat: () => {
      const latest = new Map<string, ChatEntry>();
      for (const e of events) if (e.name === 'chat.entry') latest.set((e.payload as ChatEntry).id, e.payload as ChatEntry);
      return [...latest.values()];
    },
    until: async (test, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (!events.some((e) => test(e.name, e.payload))) {
        if (Date.now() > deadline) throw new Error(`timed out; events: ${events.map((e) => e.name).join(', ')}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}
