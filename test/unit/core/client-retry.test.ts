import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppError } from '../../../shared/errors';
import { API_PATHS, creditsSchema } from '../../../shared/protocol';
import { makeClient } from '../../support/core-harness';
import { envelopeError, ROUTES, startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

let server: ScriptedServer;
afterEach(async () => server?.close());

const hits = (path: string) => server.requests.filter((r) => r.path === path);
const rejection = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppError);

describe('1001: new anonymous token with the same client id, one retry', () => {
  it('refreshes once and the retried request succeeds', async () => {
    server = await startScriptedServer();
    const { client, auth } = makeClient(server.url);
    await client.json('GET', API_PATHS.credits, creditsSchema);
    const firstToken = await auth.token();
    server.expireTokens();

    const credits = await client.json('GET', API_PATHS.credits, creditsSchema);

    expect(credits.available).toBe(100);
    const tokenRequests = hits(API_PATHS.anonymousToken);
    expect(tokenRequests).toHaveLength(2);
    expect(tokenRequests[1]?.headers['x-client-id']).toBe(tokenRequests[0]?.headers['x-client-id']);
    expect(tokenRequests[0]?.headers['x-client-id']).toBe(auth.clientId());
    const creditCalls = hits(API_PATHS.credits);
    expect(creditCalls).toHaveLength(3);
    expect(creditCalls[1]?.headers.authorization).toBe(`Bearer ${firstToken}`);
    expect(creditCalls[2]?.headers.authorization).toBe(`Bearer ${await auth.token()}`);
  });

  it('concurrent 1001s share one refresh', async () => {
    server = await startScriptedServer();
    const { client } = makeClient(server.url);
    await client.json('GET', API_PATHS.credits, creditsSchema);
    server.expireTokens();
    await Promise.all([1, 2, 3].map(() => client.json('GET', API_PATHS.credits, creditsSchema)));
    expect(hits(API_PATHS.anonymousToken)).toHaveLength(2);
  });

  it('an env token (NEMO_TOKEN) is never replaced: auth.expired, no anonymous token', async () => {
    server = await startScriptedServer();
    const { client } = makeClient(server.url, { envToken: 'nmv_usr_fromTheEnvironment0001' });
    const err = await rejection(client.json('GET', API_PATHS.credits, creditsSchema));
    expect(err.user.code).toBe('auth.expired');
    expect(err.user.message).toContain('NEMO_TOKEN');
    expect(hits(API_PATHS.anonymousToken)).toHaveLength(0);
  });
});

describe('429', () => {
  it('waits the injected delay once and retries', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.credits]: [envelopeError(429)] } });
    const { client, sleeps } = makeClient(server.url, { rateLimitDelayMs: 4321 });
    expect((await client.json('GET', API_PATHS.credits, creditsSchema)).available).toBe(100);
    expect(sleeps).toEqual([4321]);
    expect(hits(API_PATHS.credits)).toHaveLength(2);
  });

  it('a bare HTTP 429 without a body counts too, also for POSTs marked not retryable', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.createSession]: [{ status: 429, body: '' }] } });
    const { client, sleeps } = makeClient(server.url);
    await client.json('POST', API_PATHS.createSession, z.unknown(), { body: { task_name: 'project' }, retry: false });
    expect(sleeps).toEqual([1234]);
    expect(hits(API_PATHS.createSession)).toHaveLength(2);
  });
});

describe('5xx and network failures', () => {
  it('a GET is retried with exponential backoff', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.credits]: [{ status: 503, body: 'busy' }, { status: 502, json: { code: 502, message: 'bad gateway' } }] } });
    const { client, sleeps } = makeClient(server.url);
    expect((await client.json('GET', API_PATHS.credits, creditsSchema)).available).toBe(100);
    expect(hits(API_PATHS.credits)).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('gives up after `retries` attempts with server.error', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.credits]: { status: 500, body: 'down' } } });
    const { client } = makeClient(server.url, { retries: 1 });
    const err = await rejection(client.json('GET', API_PATHS.credits, creditsSchema));
    expect(err.user.code).toBe('server.error');
    expect(err.apiCode).toBe(500);
    expect(hits(API_PATHS.credits)).toHaveLength(2);
  });

  it('retry:false sends a POST exactly once on 5xx', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.renderSubmit]: [{ status: 503, body: 'busy' }] } });
    const { client, sleeps } = makeClient(server.url);
    const err = await rejection(client.json('POST', API_PATHS.renderSubmit, z.unknown(), { body: { id: 'render_1' }, retry: false }));
    expect(err.apiCode).toBe(503);
    expect(hits(API_PATHS.renderSubmit)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a dropped connection is retried for a GET and not for retry:false', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.credits]: [{ drop: true }], [ROUTES.renderSubmit]: [{ drop: true }] } });
    const { client } = makeClient(server.url);
    expect((await client.json('GET', API_PATHS.credits, creditsSchema)).available).toBe(100);
    expect(hits(API_PATHS.credits)).toHaveLength(2);
    const err = await rejection(client.json('POST', API_PATHS.renderSubmit, z.unknown(), { body: { id: 'r' }, retry: false }));
    expect(err.user.code).toBe('network');
    expect(hits(API_PATHS.renderSubmit)).toHaveLength(1);
  });

  it('a reply slower than timeoutMs is a timeout', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.credits]: { delayMs: 600, json: { code: 0, data: { available: 1 } } } } });
    const { client } = makeClient(server.url, { timeoutMs: 150, retries: 0 });
    const err = await rejection(client.json('GET', API_PATHS.credits, creditsSchema));
    expect(err.user.code).toBe('timeout');
  });

  it('an aborted request is cancelled and not retried', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.credits]: { delayMs: 400, json: { code: 0, data: { available: 1 } } } } });
    const { client, sleeps } = makeClient(server.url);
    const controller = new AbortController();
    const pending = rejection(client.json('GET', API_PATHS.credits, creditsSchema, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    expect((await pending).user.code).toBe('cancelled');
    expect(sleeps).toEqual([]);
  });

  it('a server that is not there is a network error', async () => {
    server = await startScriptedServer();
    const { client, auth, sleeps } = makeClient(server.url, { retries: 1 });
    await auth.token();
    await server.close();
    expect((await rejection(client.json('GET', API_PATHS.credits, creditsSchema))).user.code).toBe('network');
    expect(sleeps).toEqual([500]);
  });
});
