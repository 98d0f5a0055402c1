/**
 * Where the bearer token comes from (protocol.md §6.1), first match wins: `NEMO_TOKEN`, the stored token, then an
 * anonymous token issued for this install's persisted client id. On 1001 the client asks for a new anonymous token
 * with the SAME client id (§2.3). The token is never logged, thrown or returned anywhere but in a header.
 */
import { createHash, randomUUID } from 'node:crypto';
import { anonymousTokenSchema, API_PATHS, unwrapEnvelope } from '../../shared/protocol';
import { appError, AppError, errorForApiCode } from '../../shared/errors';
import type { SecretStore } from './secret-store';
import type { KeyValueStore } from './storage';

export const CLIENT_ID_KEY = 'auth.clientId';
export const USER_ID_KEY = 'auth.userId';
/** A short hash of the anonymous token we were issued, so we can tell it apart from a token the user set later. */
export const ANON_FINGERPRINT_KEY = 'auth.anonymousFingerprint';

const AUTH_TIMEOUT_MS = 30_000;

export interface AuthOptions {
  store: KeyValueStore;
  secrets: SecretStore;
  baseUrl: string;
  /** Attribution headers (X-Skill-*), sent with the anonymous-token request too. */
  headers: () => Record<string, string>;
  envToken?: string;
  fetchImpl?: typeof fetch;
}

function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

export class Auth {
  private readonly opts: AuthOptions;
  private current: string | undefined;
  private pending: Promise<string> | undefined;

  constructor(opts: AuthOptions) {
    this.opts = { ...opts, envToken: opts.envToken?.trim() || undefined };
  }

  /** The token to send now; issues an anonymous one the first time. */
  async token(): Promise<string> {
    if (this.opts.envToken) return this.opts.envToken;
    if (this.current) return this.current;
    const stored = await this.opts.secrets.getToken();
    if (stored) {
      this.current = stored;
      return stored;
    }
    return this.issue();
  }

  /**
   * A new anonymous token for the same client id. `failedToken` is the token a request was rejected with: when
   * another request already replaced it, the replacement is returned instead of asking the server again.
   */
  async refresh(failedToken?: string): Promise<string> {
    if (this.opts.envToken) {
      throw appError('auth.expired', 'The token in NEMO_TOKEN was rejected. Set a valid token or unset NEMO_TOKEN.', {
        kind: 'settings',
        label: 'Check your token',
      }, { apiCode: 1001 });
    }
    if (failedToken !== undefined && this.current !== undefined && this.current !== failedToken) return this.current;
    // A token the user entered belongs to their account: swapping it for an anonymous one would silently move them to an
    // empty free account. Ask them instead.
    if (this.current !== undefined && !this.isAnonymous()) {
      throw appError('auth.expired', 'Your NemoVideo token was rejected. Enter a new one in Settings, or clear it to continue without an account.', {
        kind: 'settings',
        label: 'Open settings',
      }, { apiCode: 1001 });
    }
    return this.issue();
  }

  /** The persisted client id (a UUID), created on first use. */
  clientId(): string {
    const stored = this.opts.store.get<unknown>(CLIENT_ID_KEY);
    if (typeof stored === 'string' && stored.length > 0 && stored.length <= 64) return stored;
    const id = randomUUID();
    this.opts.store.set(CLIENT_ID_KEY, id);
    return id;
  }

  userId(): string | undefined {
    const id = this.opts.store.get<unknown>(USER_ID_KEY);
    return typeof id === 'string' ? id : undefined;
  }

  /** Whether the token in use is one we were issued anonymously (decides the 2001 message: register vs top up). */
  isAnonymous(): boolean {
    if (this.opts.envToken) return false;
    const issued = this.opts.store.get<unknown>(ANON_FINGERPRINT_KEY);
    if (this.current !== undefined) return issued === fingerprint(this.current);
    return this.userId()?.startsWith('anon_') ?? false;
  }

  /** One request in flight at a time: concurrent 1001s share the same new token. */
  private issue(): Promise<string> {
    this.pending ??= this.requestAnonymousToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async requestAnonymousToken(): Promise<string> {
    let reply = await this.postAnonymousToken(this.clientId());
    // §2.3: 400 means the server did not accept our client id; a fresh one is the vendor's remedy.
    if (!reply.ok && reply.code === 400) {
      const fresh = randomUUID();
      this.opts.store.set(CLIENT_ID_KEY, fresh);
      reply = await this.postAnonymousToken(fresh);
    }
    if (!reply.ok) throw new AppError(errorForApiCode(reply.code, reply.message, { userId: this.userId() }), { apiCode: reply.code });
    const parsed = anonymousTokenSchema.safeParse(reply.data);
    if (!parsed.success) throw appError('server.malformed');
    const { token, user_id: userId } = parsed.data;
    await this.opts.secrets.setToken(token);
    this.opts.store.set(ANON_FINGERPRINT_KEY, fingerprint(token));
    if (userId) this.opts.store.set(USER_ID_KEY, userId);
    this.current = token;
    return token;
  }

  private async postAnonymousToken(clientId: string): Promise<ReturnType<typeof unwrapEnvelope>> {
    const fetchImpl = this.opts.fetchImpl ?? fetch;
    let res: Response;
    try {
      res = await fetchImpl(new URL(API_PATHS.anonymousToken, this.opts.baseUrl), {
        method: 'POST',
        headers: { ...this.opts.headers(), 'X-Client-Id': clientId },
        signal: AbortSignal.timeout(AUTH_TIMEOUT_MS),
      });
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      throw appError(timedOut ? 'timeout' : 'network', undefined, undefined, { cause: err });
    }
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (res.ok) throw appError('server.malformed');
      return { ok: false, code: res.status, message: `HTTP ${res.status}` };
    }
    return unwrapEnvelope(body, res.status);
  }
}
