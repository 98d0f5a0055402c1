import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { API_PATHS, creditsSchema } from '../../../shared/protocol';
import { makeClient } from '../../support/core-harness';
import { envelopeError, ROUTES, startScriptedServer, type CannedReply, type ScriptedServer } from '../../support/scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function creditsFailingWith(...replies: CannedReply[]): Promise<AppError> {
  server = await startScriptedServer({ routes: { [ROUTES.credits]: replies } });
  const { client } = makeClient(server.url);
  return failureOf(client.json('GET', API_PATHS.credits, creditsSchema));
}

describe('every error code of protocol.md §2.3 through the client', () => {
  it.each([
    [1002, 'session.missing', 'new-session'],
    [4001, 'media.unsupported', undefined],
    [4002, 'media.too-large', undefined],
    [400, 'client.id-missing', 'retry'],
    [402, 'export.plan-blocked', 'link'],
  ])('code %i becomes %s', async (code, userCode, actionKind) => {
    const err = await creditsFailingWith(envelopeError(code));
    expect(err.apiCode).toBe(code);
    expect(err.user.code).toBe(userCode);
    expect(err.user.action?.kind).toBe(actionKind);
  });

  it('2001 for an anonymous user links to register with the bind id', async () => {
    const err = await creditsFailingWith(envelopeError(2001));
    const user = [...(server?.state.tokens.values() ?? [])][0];
    expect(user?.userId).toMatch(/^anon_/);
    expect(err.user.code).toBe('credits.insufficient');
    expect(err.user.action?.url).toBe(`https://nemovideo.com/register?bind=${user?.userId}`);
  });

  it('2001 for a registered user (own token) asks to top up', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.credits]: [envelopeError(2001)] } });
    server.state.tokens.set('nmv_usr_registeredUserToken123', { userId: 'usr_42', clientId: 'x' });
    const { client } = makeClient(server.url, { envToken: 'nmv_usr_registeredUserToken123' });
    const err = await failureOf(client.json('GET', API_PATHS.credits, creditsSchema));
    expect(err.user.code).toBe('credits.insufficient');
    expect(err.user.action?.url).toBe('https://nemovideo.com');
  });

  it.each([1001, 1010, 1011])('%i twice: one refresh, then auth.expired', async (code) => {
    const err = await creditsFailingWith(envelopeError(code), envelopeError(code));
    expect(err.user.code).toBe('auth.expired');
    expect(server?.requests.filter((r) => r.path === API_PATHS.credits)).toHaveLength(2);
  });

  it('HTTP 401 without an envelope code is treated like 1001', async () => {
    const err = await creditsFailingWith({ status: 401, body: 'Unauthorized' }, { status: 401, body: 'Unauthorized' });
    expect(err.user.code).toBe('auth.expired');
    expect(server?.requests.filter((r) => r.path === API_PATHS.anonymousToken)).toHaveLength(2);
  });

  it('429 twice: one wait, then rate-limited', async () => {
    const err = await creditsFailingWith(envelopeError(429), envelopeError(429));
    expect(err.user.code).toBe('rate-limited');
    expect(server?.requests.filter((r) => r.path === API_PATHS.credits)).toHaveLength(2);
  });

  it('the envelope code decides even when the HTTP status says otherwise', async () => {
    const err = await creditsFailingWith({ status: 200, json: { code: 4002, message: 'too big' } });
    expect(err.user.code).toBe('media.too-large');
    const ok = await startScriptedServer({ routes: { [ROUTES.credits]: { status: 500, json: { code: 0, data: { available: 7 } } } } });
    try {
      expect((await makeClient(ok.url).client.json('GET', API_PATHS.credits, creditsSchema)).available).toBe(7);
    } finally {
      await ok.close();
    }
  });

  it('the render proxy envelope {success:false} is an error with its message', async () => {
    server = await startScriptedServer({ routes: { [ROUTES.renderSubmit]: { status: 409, json: { success: false, error: 'duplicate id' } } } });
    const { client } = makeClient(server.url);
    const err = await failureOf(client.json('POST', API_PATHS.renderSubmit, z.unknown(), { body: { id: 'r1' }, retry: false }));
    expect(err.user.code).toBe('server.error');
    expect(err.user.message).toContain('duplicate id');
    expect(err.apiCode).toBe(409);
  });
});

describe('malformed replies', () => {
  it('a 2xx that is not JSON is server.malformed', async () => {
    const err = await creditsFailingWith({ status: 200, body: '<html>proxy error</html>' });
    expect(err.user.code).toBe('server.malformed');
  });

  it('data of the wrong shape is server.malformed', async () => {
    const err = await creditsFailingWith({ json: { code: 0, data: { available: 'lots' } } });
    expect(err.user.code).toBe('server.malformed');
  });

  it('an unknown non-2xx without JSON keeps its status as the code', async () => {
    const err = await creditsFailingWith({ status: 418, body: 'teapot' });
    expect(err.apiCode).toBe(418);
    expect(err.user.code).toBe('server.error');
  });
});
