/**
 * THE contract between the renderer and main. One table of commands (input and output schemas) and one of
 * events (main → renderer payloads). Electron IPC, the preload and the browser mode's WebSocket all derive
 * from these two tables, so adding a feature is one row, one handler and its UI.
 */
import { z } from 'zod';

export const backendKindSchema = z.enum(['local', 'cloud']);
export type BackendKind = z.infer<typeof backendKindSchema>;

export const languageSchema = z.enum(['en', 'zh-CN']);
export type Language = z.infer<typeof languageSchema>;

export const exportPresetSchema = z.enum(['landscape', 'vertical', 'square']);
export type ExportPreset = z.infer<typeof exportPresetSchema>;
export const EXPORT_PRESETS: Record<ExportPreset, { width: number; height: number; label: string }> = {
  landscape: { width: 1920, height: 1080, label: '1080p 16:9' },
  vertical: { width: 1080, height: 1920, label: 'Vertical 9:16' },
  square: { width: 1080, height: 1080, label: 'Square 1:1' },
};

/** A user-facing failure: a message for people and at most one action (shared/errors.ts makes these). */
export const userErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  action: z
    .object({
      kind: z.enum(['link', 'retry', 'settings', 'reauth', 'new-session', 'none']),
      label: z.string(),
      url: z.string().optional(),
    })
    .optional(),
});
export type UserError = z.infer<typeof userErrorSchema>;

export const connectionSchema = z.object({
  state: z.enum(['connecting', 'connected', 'offline', 'error']),
  backend: backendKindSchema,
  /** "Local engine: free" or the cloud plan; never a token. */
  detail: z.string().optional(),
  error: userErrorSchema.optional(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const settingsSchema = z.object({
  backend: backendKindSchema,
  apiUrl: z.string(),
  language: languageSchema,
  outputDir: z.string(),
  /** Whether a cloud token is stored. The token itself never leaves main. */
  hasToken: z.boolean(),
  /** Desktop on Linux's basic_text backend: the token is stored but not really protected. */
  tokenProtected: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z.object({
  backend: backendKindSchema.optional(),
  apiUrl: z.string().url().optional(),
  language: languageSchema.optional(),
  outputDir: z.string().min(1).optional(),
  /** Write-only. An empty string clears the stored token. */
  token: z.string().max(4096).optional(),
});

export const mediaItemSchema = z.object({
  /** Client-side id, stable for the life of the item. */
  id: z.string(),
  name: z.string(),
  kind: z.enum(['video', 'image', 'audio']),
  size: z.number(),
  state: z.enum(['queued', 'uploading', 'processing', 'ready', 'failed', 'cancelled']),
  loaded: z.number(),
  durationMs: z.number().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  /** A URL the renderer may load: `media://…` on the desktop, a secret-bearing HTTP URL in browser mode. */
  previewUrl: z.string().optional(),
  error: userErrorSchema.optional(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const chatEntrySchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant', 'working', 'system', 'error']),
  text: z.string(),
  /** True while the reply is still streaming in. */
  pending: z.boolean().optional(),
  /** Epoch ms when the turn began, so the UI can show elapsed time. */
  startedAt: z.number().optional(),
  error: userErrorSchema.optional(),
  /** For lines main writes itself (working lines): the renderer shows its translation of `key` when it has one. */
  key: z.string().optional(),
  params: z.record(z.string(), z.string()).optional(),
});
export type ChatEntry = z.infer<typeof chatEntrySchema>;

export const timelineSchema = z.object({
  /** The draft as the backend holds it (opaque for the cloud; see shared/draft.ts). */
  draft: z.unknown(),
  summary: z.string(),
  /** Human sentences from diff(before, after) for the last change. */
  changes: z.array(z.string()),
  /** Segment ids that the last message added or changed, to highlight. */
  changedIds: z.array(z.string()),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const exportJobSchema = z.object({
  id: z.string(),
  preset: exportPresetSchema,
  outPath: z.string(),
  state: z.enum(['submitting', 'queued', 'rendering', 'downloading', 'done', 'failed', 'cancelled']),
  progress: z.number().min(0).max(100),
  queuePosition: z.number().optional(),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  error: userErrorSchema.optional(),
  /** For the inline player once done. */
  previewUrl: z.string().optional(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

export const creditsViewSchema = z.union([
  z.object({ kind: z.literal('local') }),
  z.object({ kind: z.literal('cloud'), available: z.number(), frozen: z.number(), total: z.number() }),
  z.object({ kind: z.literal('unknown') }),
]);
export type CreditsView = z.infer<typeof creditsViewSchema>;

export const snapshotSchema = z.object({
  connection: connectionSchema,
  settings: settingsSchema,
  chat: z.array(chatEntrySchema),
  chatBusy: z.boolean(),
  media: z.array(mediaItemSchema),
  timeline: timelineSchema,
  exports: z.array(exportJobSchema),
  credits: creditsViewSchema,
  /** What this host can do: the browser mode cannot reveal a file in the OS file manager. */
  host: z.object({ kind: z.enum(['desktop', 'browser']), canReveal: z.boolean(), canPickFiles: z.boolean() }),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

const empty = z.object({});
const ok = z.object({ ok: z.literal(true) });

/** Commands: renderer → main, each answered once. */
export const commands = {
  /** The renderer is ready: main flushes queued events and returns the whole state. */
  'app.ready': { input: empty, output: snapshotSchema },
  'chat.send': { input: z.object({ text: z.string().trim().min(1).max(10_000) }), output: z.object({ queued: z.boolean() }) },
  'chat.cancel': { input: empty, output: ok },
  /** Local file paths (desktop drag-in via webUtils.getPathForFile, the picker, or browser-mode staging). */
  'media.add': { input: z.object({ paths: z.array(z.string().min(1)).min(1).max(200) }), output: z.object({ items: z.array(mediaItemSchema) }) },
  'media.addUrl': { input: z.object({ url: z.string().url() }), output: z.object({ items: z.array(mediaItemSchema) }) },
  'media.cancel': { input: z.object({ id: z.string() }), output: ok },
  /** Desktop: the native open dialog. Returns the chosen paths (possibly none). */
  'media.pick': { input: empty, output: z.object({ paths: z.array(z.string()) }) },
  'timeline.undo': { input: empty, output: ok },
  'timeline.redo': { input: empty, output: ok },
  'export.start': {
    input: z.object({ preset: exportPresetSchema, outPath: z.string().min(1).optional() }),
    output: z.object({ job: exportJobSchema }),
  },
  'export.cancel': { input: z.object({ id: z.string() }), output: ok },
  'export.open': { input: z.object({ id: z.string() }), output: ok },
  'export.reveal': { input: z.object({ id: z.string() }), output: ok },
  'export.pickFolder': { input: empty, output: z.object({ path: z.string().nullable() }) },
  'credits.refresh': { input: empty, output: creditsViewSchema },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },
  'project.new': { input: empty, output: snapshotSchema },
  /** Only https URLs on the allowlist (shared/errors.ts links) are opened. */
  'link.open': { input: z.object({ url: z.string().url() }), output: ok },
} as const;

/** Events: main → renderer. Queued in main until the renderer has sent `app.ready`. */
export const events = {
  connection: connectionSchema,
  /** A chat entry was added or updated (same id = update: streamed text, working lines). */
  'chat.entry': chatEntrySchema,
  'chat.busy': z.object({ busy: z.boolean(), queued: z.number() }),
  'media.item': mediaItemSchema,
  timeline: timelineSchema,
  'export.job': exportJobSchema,
  credits: creditsViewSchema,
  settings: settingsSchema,
  toast: z.object({
    level: z.enum(['info', 'success', 'error']),
    /** English text; the renderer shows its own translation of `key` (with `params`) when it has one. */
    message: z.string(),
    key: z.string().optional(),
    params: z.record(z.string(), z.string()).optional(),
    error: userErrorSchema.optional(),
  }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<C extends CommandName> = z.input<Commands[C]['input']>;
export type CommandOutput<C extends CommandName> = z.output<Commands[C]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** Main's side: one handler per command, given the parsed input. */
export type CommandHandlers = { [C in CommandName]: (input: z.output<Commands[C]['input']>) => Promise<CommandOutput<C>> };

/** What the renderer sees (window.videoBuilder): one named method per command, plus typed listeners. */
export type BridgeApi = { [C in CommandName]: (input: CommandInput<C>) => Promise<CommandOutput<C>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

/** The error shape a command failure carries across any transport: never a stack trace. */
export const bridgeFailureSchema = z.object({ bridgeError: userErrorSchema });

/** Allowlist for link.open: only our own web app over https. */
export const EXTERNAL_LINK_HOSTS = ['nemovideo.com', 'www.nemovideo.com'];
export function isAllowedExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_LINK_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}
