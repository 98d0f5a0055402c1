/**
 * Wires the real core client (main/core) to a scripted server for tests: memory store, file secret store, instant
 * injected sleeps (recorded in `sleeps`), fixed version and platform.
 */
import { Auth } from '../../main/core/auth';
import { ApiClient, attributionHeaders, type ApiClientOptions } from '../../main/core/http-client';
import { createFileSecretStore } from '../../main/core/secret-store';
import { createMemoryStore, type KeyValueStore } from '../../main/core/storage';

export const TEST_VERSION = '9.8.7';
export const TEST_PLATFORM = 'terminal';

export interface Harness {
  client: ApiClient;
  auth: Auth;
  store: KeyValueStore;
  /** Every delay the client asked for, in ms (backoff and 429 waits); none is actually waited. */
  sleeps: number[];
}

export function makeClient(
  baseUrl: string,
  opts: { store?: KeyValueStore; envToken?: string } & Partial<Pick<ApiClientOptions, 'timeoutMs' | 'retries' | 'rateLimitDelayMs'>> = {},
): Harness {
  const store = opts.store ?? createMemoryStore();
  const sleeps: number[] = [];
  const auth = new Auth({
    store,
    secrets: createFileSecretStore(store),
    baseUrl,
    headers: () => attributionHeaders(TEST_VERSION, TEST_PLATFORM),
    envToken: opts.envToken,
  });
  const client = new ApiClient({
    baseUrl,
    auth,
    appVersion: TEST_VERSION,
    platform: TEST_PLATFORM,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    rateLimitDelayMs: opts.rateLimitDelayMs ?? 1234,
    sleep: async (ms) => void sleeps.push(ms),
  });
  return { client, auth, store, sleeps };
}
