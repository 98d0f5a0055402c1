/**
 * The app facade: the whole core behind the bridge's command table (shared/bridge.ts). The desktop host wires
 * `handlers` to IPC and the browser host to a WebSocket; both forward `onEvent` to the renderer. Electron-free.
 */
import path from 'node:path';
import {
  isAllowedExternalLink,
  type ChatEntry,
  type CommandHandlers,
  type Connection,
  type CreditsView,
  type EventName,
  type EventPayload,
  type ExportJob,
  type ExportPreset,
  type Settings,
  type Snapshot,
  type Timeline,
} from '../../shared/bridge';
import { AppError, appError, toUserError, userError } from '../../shared/errors';
import { routeMessage } from '../../shared/intents';
import type { StateResponse } from '../../shared/protocol';
import { applySettingsPatch, loadSettings, saveSettings, type StoredSettings } from './app-settings';
import { MediaUploads } from './app-media';
import { connectionDetail, creditsReply, creditsView, defaultExportName, exportFinishedReply, exportStartedReply, UPLOAD_REPLY } from './app-replies';
import { buildTimeline, EMPTY_TIMELINE, nextUndoDepth, type UndoDepth } from './app-timeline';
import { connectBackend, type Backend, type BackendOptions, type EngineStarter } from './backend';
import { ChatRunner, type ChatLimits, type TurnResult } from './chat';
import { stateChanged } from './chat-recovery';
import { ExportJobsStore } from './export-jobs-store';
import { ExportManager } from './exports';
import { detectPlatform } from './platform';
import { getCredits, getState } from './resources';
import type { SecretStore } from './secret-store';
import type { KeyValueStore } from './storage';
import { uploadFiles, uploadUrls } from './uploads';

export interface CreateAppOptions {
  store: KeyValueStore;
  secrets: SecretStore;
  appVersion: string;
  host: 'desktop' | 'browser';
  defaultOutputDir: string;
  engine?: EngineStarter;
  env?: NodeJS.ProcessEnv;
  previewUrlFor?: (absPath: string) => string | undefined;
  pickFiles?: () => Promise<string[]>;
  pickFolder?: () => Promise<string | null>;
  openPath?: (p: string) => Promise<void>;
  revealPath?: (p: string) => void;
  openExternal?: (url: string) => Promise<void>;
  /** Test knobs: client retries/sleeps, chat limits and recovery delays, export poll interval. */
  tuning?: {
    client?: BackendOptions['clientOptions'];
    chatLimits?: Partial<ChatLimits>;
    recoveryDelaysMs?: number[];
    exportPollMs?: number;
  };
}

export type AppEventListener = (name: EventName, payload: EventPayload<EventName>) => void;

export interface App {
  handlers: CommandHandlers;
  onEvent(listener: AppEventListener): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}

const PROJECT_KEY = 'project.current';
const MAX_CHAT_ENTRIES = 500;

/** What exists while a backend is connected. */
interface Live {
  backend: Backend;
  chat: ChatRunner;
  exports: ExportManager;
}

export function createApp(opts: CreateAppOptions): App {
  const listeners = new Set<AppEventListener>();
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    for (const listener of listeners) listener(name, payload);
  };

  let settings: StoredSettings = loadSettings(opts.store, { outputDir: opts.defaultOutputDir, env: opts.env });
  let hasToken = false;
  let projectId = opts.store.get<string>(PROJECT_KEY) ?? 'default';
  let connection: Connection = { state: 'connecting', backend: settings.backend, detail: 'Setting things up…' };
  let credits: CreditsView = { kind: 'unknown' };
  let timeline: Timeline = EMPTY_TIMELINE;
  let undoDepth: UndoDepth = { undo: 0, redo: 0 };
  let chatBusy = false;
  const chatEntries: ChatEntry[] = [];
  const chatExports = new Set<string>();
  let live: Live | null = null;
  let connecting: Promise<Live | null> = Promise.resolve(null);
  let generation = 0;
  let entrySeq = 0;
  // The browser mode is the same app as the desktop one (platform.ts): both attribute as `desktop`.
  const platform = detectPlatform({ VIDEO_BUILDER_PLATFORM: 'desktop', ...opts.env });

  // ---- events and state kept for the snapshot ----
  const putEntry = (entry: ChatEntry): void => {
    const index = chatEntries.findIndex((e) => e.id === entry.id);
    if (index >= 0) chatEntries[index] = entry;
    else {
      chatEntries.push(entry);
      if (chatEntries.length > MAX_CHAT_ENTRIES) chatEntries.splice(0, chatEntries.length - MAX_CHAT_ENTRIES);
    }
    emit('chat.entry', entry);
  };
  const say = (role: ChatEntry['role'], text: string, error?: ChatEntry['error']): void => {
    entrySeq += 1;
    putEntry({ id: `app-${Date.now().toString(36)}-${entrySeq}`, role, text, startedAt: Date.now(), ...(error ? { error } : {}) });
  };
  const setConnection = (next: Connection): void => {
    connection = next;
    emit('connection', next);
  };
  const setTimeline = (next: Timeline): void => {
    timeline = next;
    emit('timeline', next);
  };
  const settingsView = (): Settings => ({
    ...settings,
    hasToken,
    tokenProtected: opts.secrets.protection() !== 'unprotected',
  });
  const exportList = (): ExportJob[] => live?.exports.list() ?? new ExportJobsStore(opts.store).all().map((s) => s.job);

  const onJob = (job: ExportJob): void => {
    emit('export.job', job);
    if (job.state === 'done') {
      const name = path.basename(job.outPath);
      emit('toast', { level: 'success', message: `Export finished: ${name}`, key: 'toast.exportFinished', params: { name } });
    }
    if (job.state === 'failed' && job.error) emit('toast', { level: 'error', message: job.error.message, error: job.error });
    if (!chatExports.has(job.id)) return;
    const reply = exportFinishedReply(job);
    if (job.state === 'failed') {
      chatExports.delete(job.id);
      say('error', job.error?.message ?? 'The export failed.', job.error);
    } else if (reply) {
      chatExports.delete(job.id);
      say(job.state === 'done' ? 'assistant' : 'system', reply);
    }
  };

  const onTurnEnd = (result: TurnResult): void => {
    if (!result.after) return;
    const kind = /^\s*(undo|撤销)\s*$/i.test(result.text) ? 'undo' : /^\s*(redo|重做)\s*$/i.test(result.text) ? 'redo' : 'edit';
    undoDepth = nextUndoDepth(undoDepth, kind, stateChanged(result.before, result.after));
    setTimeline(buildTimeline(result.after, result.changes, undoDepth));
  };

  const newChat = (backend: Backend): ChatRunner =>
    new ChatRunner({
      client: backend.client,
      sessions: backend.sessions,
      projectId,
      onEntry: putEntry,
      onBusy: (busy, queued) => {
        chatBusy = busy;
        emit('chat.busy', { busy, queued });
      },
      onTurnEnd,
      ...(opts.tuning?.chatLimits ? { limits: opts.tuning.chatLimits } : {}),
      ...(opts.tuning?.recoveryDelaysMs ? { recoveryDelaysMs: opts.tuning.recoveryDelaysMs } : {}),
    });

  // ---- connection ----
  const requireLive = async (): Promise<Live> => {
    const current = live ?? (await connecting);
    if (current) return current;
    throw new AppError(connection.error ?? userError('network'));
  };

  const refreshTimeline = async (changes = { sentences: [] as string[], changedIds: [] as string[] }): Promise<StateResponse> => {
    const current = await requireLive();
    const { sid, state } = await current.backend.sessions.withSession(projectId, async (session) => ({
      sid: session.session_id,
      state: await getState(current.backend.client, session.session_id),
    }));
    current.chat.setKnownState(sid, state);
    setTimeline(buildTimeline(state, changes, undoDepth));
    return state;
  };

  const refreshCredits = async (): Promise<CreditsView> => {
    const current = await requireLive();
    const view = current.backend.kind === 'local' ? creditsView('local', undefined) : creditsView('cloud', await getCredits(current.backend.client));
    credits = view;
    emit('credits', view);
    return view;
  };

  const disconnect = async (): Promise<void> => {
    const old = live;
    live = null;
    if (!old) return;
    old.chat.cancel();
    old.exports.close();
    await old.backend.close().catch(() => undefined);
  };

  const connect = (): Promise<Live | null> => {
    generation += 1;
    const mine = generation;
    setConnection({ state: 'connecting', backend: settings.backend, detail: 'Setting things up…' });
    connecting = (async () => {
      await disconnect();
      let backend: Backend | undefined;
      try {
        backend = await connectBackend({
          kind: settings.backend,
          apiUrl: settings.apiUrl,
          language: settings.language,
          store: opts.store,
          secrets: opts.secrets,
          appVersion: opts.appVersion,
          platform,
          ...(opts.env ? { env: opts.env } : {}),
          ...(opts.engine ? { engine: opts.engine } : {}),
          ...(opts.tuning?.client ? { clientOptions: opts.tuning.client } : {}),
        });
        await backend.sessions.get(projectId);
        const view = backend.kind === 'local' ? creditsView('local', undefined) : creditsView('cloud', await getCredits(backend.client).catch(() => undefined));
        if (mine !== generation) {
          await backend.close();
          return null;
        }
        const exports = new ExportManager({
          client: backend.client,
          sessions: backend.sessions,
          projectId,
          store: opts.store,
          backendKey: backend.key,
          onJob,
          ...(opts.tuning?.exportPollMs !== undefined ? { pollIntervalMs: opts.tuning.exportPollMs } : {}),
          ...(opts.previewUrlFor ? { previewUrlFor: opts.previewUrlFor } : {}),
        });
        live = { backend, chat: newChat(backend), exports };
        credits = view;
        emit('credits', view);
        setConnection({ state: 'connected', backend: backend.kind, detail: connectionDetail(view) });
        exports.resumeAll();
        await refreshTimeline().catch(() => undefined);
        return live;
      } catch (err) {
        if (backend) await backend.close().catch(() => undefined);
        if (mine !== generation) return null;
        const error = toUserError(err);
        setConnection({ state: error.code === 'network' ? 'offline' : 'error', backend: settings.backend, error });
        return null;
      }
    })();
    return connecting;
  };

  // ---- media ----
  const media = new MediaUploads({
    emit: (item) => emit('media.item', item),
    previewUrlFor: opts.previewUrlFor,
    uploadFile: async (filePath, { onProgress, signal }) => {
      const current = await requireLive();
      return current.backend.sessions.withSession(projectId, (s) =>
        uploadFiles(current.backend.client, s.session_id, [filePath], { signal, onProgress: (_i, loaded, total) => onProgress(loaded, total) }),
      );
    },
    uploadUrl: async (url, { signal }) => {
      const current = await requireLive();
      return current.backend.sessions.withSession(projectId, (s) => uploadUrls(current.backend.client, s.session_id, [url], { signal }));
    },
    onBatchDone: () => void refreshTimeline().catch(() => undefined),
  });

  // ---- export ----
  const startExport = async (preset: ExportPreset, outPath?: string): Promise<ExportJob> => {
    const current = await requireLive();
    const target = outPath ?? path.join(settings.outputDir, defaultExportName(new Date(), preset));
    return current.exports.start({ preset, outPath: target });
  };
  const findJob = (id: string): ExportJob => {
    const job = exportList().find((j) => j.id === id);
    if (!job) throw appError('unknown', 'That export is no longer in the list.');
    return job;
  };

  // ---- chat routing ----
  const userSays = (text: string): void => say('user', text);
  const handleRouted = async (text: string): Promise<{ queued: boolean } | null> => {
    const routed = routeMessage(text);
    if (routed.intent === 'agent') return null;
    userSays(text);
    try {
      if (routed.intent === 'export') {
        const preset = routed.preset ?? 'landscape';
        const job = await startExport(preset);
        chatExports.add(job.id);
        say('assistant', exportStartedReply(preset, job));
      } else if (routed.intent === 'credits') {
        say('assistant', creditsReply(await refreshCredits()));
      } else if (routed.intent === 'state') {
        await refreshTimeline();
        say('assistant', timeline.summary);
      } else {
        say('assistant', UPLOAD_REPLY);
      }
    } catch (err) {
      const error = toUserError(err);
      say('error', error.message, error);
    }
    return { queued: false };
  };

  const snapshot = (): Snapshot => ({
    connection,
    settings: settingsView(),
    chat: [...chatEntries],
    chatBusy,
    media: media.list(),
    timeline,
    exports: exportList(),
    credits,
    host: { kind: opts.host, canReveal: opts.host === 'desktop' && Boolean(opts.revealPath), canPickFiles: Boolean(opts.pickFiles) },
  });

  const sendToAgent = async (text: string): Promise<{ queued: boolean }> => {
    const current = await requireLive();
    return { queued: current.chat.send(text).queued };
  };

  const handlers: CommandHandlers = {
    'app.ready': async () => snapshot(),
    'chat.send': async ({ text }) => (await handleRouted(text)) ?? sendToAgent(text),
    'chat.cancel': async () => {
      live?.chat.cancel();
      return { ok: true };
    },
    'media.add': async ({ paths }) => ({ items: await media.add(paths) }),
    'media.addUrl': async ({ url }) => ({ items: await media.addUrl(url) }),
    'media.cancel': async ({ id }) => {
      media.cancel(id);
      return { ok: true };
    },
    'media.pick': async () => ({ paths: opts.pickFiles ? await opts.pickFiles() : [] }),
    // Undo and redo are messages to the agent: the backend holds the history.
    'timeline.undo': async () => {
      await sendToAgent('undo');
      return { ok: true };
    },
    'timeline.redo': async () => {
      await sendToAgent('redo');
      return { ok: true };
    },
    'export.start': async ({ preset, outPath }) => ({ job: await startExport(preset, outPath) }),
    'export.cancel': async ({ id }) => {
      const current = await requireLive();
      await current.exports.cancel(id);
      return { ok: true };
    },
    'export.open': async ({ id }) => {
      const job = findJob(id);
      if (!opts.openPath) throw appError('unknown', `This window cannot open files. The video is at ${job.outPath}`);
      await opts.openPath(job.outPath);
      return { ok: true };
    },
    'export.reveal': async ({ id }) => {
      const job = findJob(id);
      if (!opts.revealPath) throw appError('unknown', `This window cannot show files. The video is at ${job.outPath}`);
      opts.revealPath(job.outPath);
      return { ok: true };
    },
    'export.pickFolder': async () => ({ path: opts.pickFolder ? await opts.pickFolder() : null }),
    'credits.refresh': async () => refreshCredits(),
    'settings.update': async (patch) => {
      const { next, reconnect } = applySettingsPatch(settings, patch);
      settings = next;
      saveSettings(opts.store, settings);
      let tokenChanged = false;
      if (patch.token !== undefined) {
        await opts.secrets.setToken(patch.token === '' ? undefined : patch.token);
        hasToken = Boolean(await opts.secrets.getToken());
        tokenChanged = true;
      }
      const view = settingsView();
      emit('settings', view);
      if (reconnect || (tokenChanged && settings.backend === 'cloud')) void connect();
      return view;
    },
    'project.new': async () => {
      live?.chat.cancel();
      projectId = `project-${Date.now().toString(36)}`;
      opts.store.set(PROJECT_KEY, projectId);
      chatEntries.splice(0);
      media.clear();
      undoDepth = { undo: 0, redo: 0 };
      setTimeline(EMPTY_TIMELINE);
      if (live) {
        live.chat = newChat(live.backend);
        live.exports.setProject(projectId);
        await live.backend.sessions.get(projectId).catch(() => undefined);
      }
      return snapshot();
    },
    'link.open': async ({ url }) => {
      if (!isAllowedExternalLink(url)) throw appError('unknown', 'Only links to nemovideo.com can be opened from here.');
      if (!opts.openExternal) throw appError('unknown', `Open this link in your browser: ${url}`);
      await opts.openExternal(url);
      return { ok: true };
    },
  };

  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      hasToken = Boolean(await opts.secrets.getToken().catch(() => undefined));
      emit('settings', settingsView());
      await connect();
    },
    async close() {
      generation += 1;
      media.clear();
      await disconnect();
    },
  };
}
