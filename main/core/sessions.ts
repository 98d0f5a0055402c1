/**
 * One NemoVideo session per project (protocol.md §3.2, §6.1). Persisted in the store so a restart resumes the same
 * session, and made again when the server says 1002 (session not found).
 */
import { API_PATHS, sessionSchema, type SessionInfo } from '../../shared/protocol';
import { AppError } from '../../shared/errors';
import type { ApiClient } from './http-client';
import type { KeyValueStore } from './storage';

export type { SessionInfo };

/** One top-level key holding every project's session, keyed by backend origin and project id. */
export const SESSIONS_KEY = 'sessions';

export class Sessions {
  private readonly pending = new Map<string, Promise<SessionInfo>>();

  constructor(
    private readonly client: ApiClient,
    private readonly store: KeyValueStore,
    private readonly opts: { language?: string } = {},
  ) {}

  /** The project's session: the stored one, else a new one. */
  get(projectId: string): Promise<SessionInfo> {
    const stored = this.read(projectId);
    if (stored) return Promise.resolve(stored);
    return this.create(projectId);
  }

  /** A new session replaces the stored one (after 1002). */
  renew(projectId: string): Promise<SessionInfo> {
    this.forget(projectId);
    return this.create(projectId);
  }

  forget(projectId: string): void {
    const all = this.readAll();
    delete all[this.key(projectId)];
    this.store.set(SESSIONS_KEY, all);
  }

  /** Runs `fn` with the project's session; when the server lost it (1002), makes a new one and runs `fn` once more. */
  async withSession<T>(projectId: string, fn: (s: SessionInfo) => Promise<T>): Promise<T> {
    const session = await this.get(projectId);
    try {
      return await fn(session);
    } catch (err) {
      if (!(err instanceof AppError) || err.apiCode !== 1002) throw err;
      // Another caller may have renewed it meanwhile; reuse theirs rather than making a second one.
      const current = this.read(projectId);
      const fresh = current && current.session_id !== session.session_id ? current : await this.renew(projectId);
      return fn(fresh);
    }
  }

  /** Concurrent callers for the same project share one creation request. */
  private create(projectId: string): Promise<SessionInfo> {
    const key = this.key(projectId);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const body: Record<string, string> = { task_name: 'project' };
    if (this.opts.language) body.language = this.opts.language;
    // An orphaned empty session costs nothing, while a failed setup blocks the user: creation may be retried.
    const created = this.client
      .json('POST', API_PATHS.createSession, sessionSchema, { body })
      .then((session) => {
        const all = this.readAll();
        all[key] = session;
        this.store.set(SESSIONS_KEY, all);
        return session;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, created);
    return created;
  }

  private key(projectId: string): string {
    return `${new URL(this.client.baseUrl).origin} ${projectId}`;
  }

  private readAll(): Record<string, unknown> {
    const all = this.store.get<unknown>(SESSIONS_KEY);
    return typeof all === 'object' && all !== null && !Array.isArray(all) ? { ...(all as Record<string, unknown>) } : {};
  }

  private read(projectId: string): SessionInfo | undefined {
    const parsed = sessionSchema.safeParse(this.readAll()[this.key(projectId)]);
    return parsed.success ? parsed.data : undefined;
  }
}
