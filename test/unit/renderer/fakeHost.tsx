import { act, render, type RenderResult } from '@testing-library/react';
import type {
  BridgeApi, CommandInput, CommandName, CommandOutput, EventName, EventPayload, Snapshot,
} from '../../../shared/bridge';
import type { StageFiles } from '../../../renderer/app/HostContext';
import { Root } from '../../../renderer/app/Root';
import { createI18n } from '../../../renderer/i18n';
import { createStore } from '../../../renderer/state/store';

export function makeSnapshot(patch: Partial<Snapshot> = {}): Snapshot {
  return {
    connection: { state: 'connected', backend: 'local', detail: 'Local engine: free' },
    settings: { backend: 'local', apiUrl: 'https://mega-api-prod.nemovideo.ai', language: 'en', outputDir: '/home/ann/Videos', hasToken: false, tokenProtected: true },
    chat: [],
    chatBusy: false,
    media: [],
    timeline: { draft: { t: [] }, summary: 'Timeline (0 tracks): empty', changes: [], changedIds: [], canUndo: false, canRedo: false },
    exports: [],
    credits: { kind: 'local' },
    host: { kind: 'desktop', canReveal: true, canPickFiles: true },
    ...patch,
  };
}

type Handlers = { [C in CommandName]?: (input: CommandInput<C>) => Promise<CommandOutput<C>> };

export interface FakeHost {
  bridge: BridgeApi;
  calls: Array<{ name: CommandName; input: unknown }>;
  callsOf(name: CommandName): unknown[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  stageFiles: StageFiles & { staged: File[][] };
  /** Resolves `app.ready`, when it was created with `holdReady`. */
  releaseReady(): void;
}

/** A bridge that records every command, answers from `handlers` (else a sensible default) and lets the test emit events. */
export function createFakeHost(snapshot: Snapshot, handlers: Handlers = {}, options: { holdReady?: boolean } = {}): FakeHost {
  const calls: FakeHost['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let release: () => void = () => undefined;
  const readyGate = options.holdReady ? new Promise<void>((resolve) => { release = resolve; }) : Promise.resolve();
  const defaults: Record<string, (input: unknown) => Promise<unknown>> = {
    'app.ready': async () => { await readyGate; return snapshot; },
    'chat.send': async () => ({ queued: false }),
    'media.add': async () => ({ items: [] }),
    'media.addUrl': async () => ({ items: [] }),
    'export.start': async () => ({ job: { id: 'job-new', preset: 'landscape', outPath: '/tmp/x.mp4', state: 'submitting', progress: 0, createdAt: Date.now() } }),
    'export.pickFolder': async () => ({ path: null }),
    'media.pick': async () => ({ paths: [] }),
    'credits.refresh': async () => snapshot.credits,
    'settings.update': async () => snapshot.settings,
    'project.new': async () => snapshot,
  };
  const bridge = new Proxy({} as BridgeApi, {
    get(_target, prop: string) {
      if (prop === 'on') {
        return (event: EventName, listener: (payload: unknown) => void) => {
          const set = listeners.get(event) ?? new Set();
          set.add(listener);
          listeners.set(event, set);
          return () => set.delete(listener);
        };
      }
      return async (input: unknown) => {
        calls.push({ name: prop as CommandName, input });
        const handler = (handlers as Record<string, ((i: unknown) => Promise<unknown>) | undefined>)[prop] ?? defaults[prop];
        return handler ? handler(input) : { ok: true };
      };
    },
  });
  const staged: File[][] = [];
  const stageFiles = Object.assign(
    async (files: File[], onProgress?: (index: number, loaded: number, total: number) => void) => {
      staged.push(files);
      files.forEach((file, i) => onProgress?.(i, file.size, file.size));
      return files.map((file) => `/staged/${file.name}`);
    },
    { staged },
  );
  return {
    bridge,
    calls,
    callsOf: (name) => calls.filter((call) => call.name === name).map((call) => call.input),
    emit(event, payload) {
      act(() => {
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    },
    stageFiles,
    releaseReady: () => release(),
  };
}

/** Renders the whole app against a fake host and waits for the first snapshot to land. */
export async function renderApp(host: FakeHost, language: 'en' | 'zh-CN' = 'en'): Promise<RenderResult> {
  const store = createStore();
  let result: RenderResult | undefined;
  await act(async () => {
    result = render(<Root host={{ bridge: host.bridge, stageFiles: host.stageFiles, store }} i18n={createI18n(language)} />);
  });
  if (!result) throw new Error('render failed');
  return result;
}
