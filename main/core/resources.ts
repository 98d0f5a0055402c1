/** Read-only resources of the account and the session (protocol.md §3.6–3.7). */
import { API_PATHS, creditsSchema, stateResponseSchema, type Credits, type StateResponse } from '../../shared/protocol';
import type { ApiClient } from './http-client';

export function getCredits(client: ApiClient, opts: { signal?: AbortSignal } = {}): Promise<Credits> {
  return client.json('GET', API_PATHS.credits, creditsSchema, opts);
}

export function getState(client: ApiClient, sessionId: string, opts: { signal?: AbortSignal } = {}): Promise<StateResponse> {
  return client.json('GET', API_PATHS.state(sessionId), stateResponseSchema, opts);
}
