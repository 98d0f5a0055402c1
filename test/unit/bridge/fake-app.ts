/**
 * A hand-written app facade for the host tests: every command answers with a valid output, a few can be told
 * to misbehave, and `emit` drives events the way main/core/app.ts would.
 */
import type { CommandHandlers, ExportJob, Snapshot } from '../../../shared/bridge';
import type { BridgeApp } from '../../../main/bridge-host';

export function makeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    connection: { state: 'connected', backend: 'local', detail: 'Local engine: free' },
    settings: { backend: 'local', apiUrl: 'http://127.0.0.1:1', language: 'en', outputDir: '/tmp/out', hasToken: false, tokenProtected: true },
    chat: [],
    chatBusy: false,
    media: [],
    timeline: { draft: null, summary: 'Timeline (0 tracks):', changes: [], changedIds: [], canUndo: false, canRedo: false },
    exports: [],
    credits: { kind: 'local' },
    host: { kind: 'browser', canReveal: false, canPickFiles: false },
    ...overrides,
  };
}

export function makeJob(overrides: Partial<ExportJob> = {}): ExportJob {
  return { id: 'job_1', preset: 'landscape', outPath: '/tmp/out/promo.mp4', state: 'rendering', progress: 40, createdAt: 1, ...overrides };
}

export interface FakeApp extends BridgeApp {
  emit(name: string, payload: unknown): void;
  calls: Array<{ command: string; input: unknown }>;
  snapshot: Snapshot;
  listenerCount(): number;
}

export function createFakeApp(): FakeApp {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const calls: FakeApp['calls'] = [];
  const ok = { ok: true as const };
  const fake: FakeApp = {
    calls,
    snapshot: makeSnapshot(),
    handlers: undefined as unknown as CommandHandlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
    listenerCount: () => listeners.size,
  };
  const record = <T>(command: string, input: unknown, value: T): Promise<T> => {
    calls.push({ command, input });
    return Promise.resolve(value);
  };
  const handlers: CommandHandlers = {
    'app.ready': (i) => record('app.ready', i, fake.snapshot),
    'chat.send': (i) => record('chat.send', i, { queued: false }),
    'chat.cancel': (i) => record('chat.cancel', i, ok),
    'media.add': (i) =>
      record('media.add', i, {
        items: i.paths.map((p, n) => ({ id: `m${n}`, name: p, kind: 'video' as const, size: 1, state: 'queued' as const, loaded: 0 })),
      }),
    'media.addUrl': (i) => record('media.addUrl', i, { items: [] }),
    'media.cancel': (i) => record('media.cancel', i, ok),
    'media.pick': (i) => record('media.pick', i, { paths: [] }),
    'timeline.undo': (i) => record('timeline.undo', i, ok),
    'timeline.redo': (i) => record('timeline.redo', i, ok),
    'export.start': (i) => record('export.start', i, { job: makeJob({ preset: i.preset }) }),
    'export.cancel': (i) => record('export.cancel', i, ok),
    'export.open': (i) => record('export.open', i, ok),
    'export.reveal': (i) => record('export.reveal', i, ok),
    'export.pickFolder': (i) => record('export.pickFolder', i, { path: null }),
    'credits.refresh': (i) => record('credits.refresh', i, { kind: 'local' as const }),
    'settings.update': (i) => record('settings.update', i, fake.snapshot.settings),
    'project.new': (i) => record('project.new', i, fake.snapshot),
    'link.open': (i) => record('link.open', i, ok),
  };
  fake.handlers = handlers;
  return fake;
}
