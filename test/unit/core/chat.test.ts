import { afterEach, describe, expect, it } from 'vitest';
import { adk, writeSse, type SseStep } from '../../support/sse';
import { envelopeError, ROUTES, startScriptedServer, type ScriptedServer, type ServerScript } from '../../support/scripted-server';
import { chatFixture, textsOf } from './chat-fixture';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(script: ServerScript): Promise<ScriptedServer> {
  server = await startScriptedServer(script);
  return server;
}

const DRAFT_WITH_TITLE = {
  d: 3000,
  t: [{ id: 'x1', tt: 7, sg: [{ id: 'seg_t', s: 0, d: 3000, m: { text: 'Sale' } }] }],
};

describe('ChatRunner: the stream', () => {
  it('tolerates every keep-alive form and ignores non-JSON data', async () => {
    const s = await serve({
      sseEvents: [
        { keepAlive: 'comment' },
        { keepAlive: 'empty' },
        { keepAlive: 'whitespace' },
        { keepAlive: 'word' },
        { keepAlive: 'json' },
        { raw: 'data: this is not json\n\n' },
        { raw: 'data: {"type":"ping"}\r\n\r\n' },
        { event: adk.text('Your video is ready! Click Export to save it.') },
        { keepAlive: 'json' },
      ],
    });
    const f = chatFixture(s);
    const result = await f.runner.send('make it shine').done;
    expect(result.outcome).toBe('replied');
    const entries = f.entries();
    expect(textsOf(entries, 'assistant')).toEqual(['Your video is ready! Say "export" to save it.']);
    expect(entries.filter((e) => e.role === 'error')).toEqual([]);
    expect(entries.every((e) => !e.pending)).toBe(true);
  });

  it('shows streamed partial text once: the final event replaces the chunks', async () => {
    const partial = (text: string): SseStep => ({ event: { ...adk.text(text), partial: true } });
    const s = await serve({ sseEvents: [partial('Adding '), partial('a title'), { event: adk.text('Adding a title.') }] });
    const f = chatFixture(s);
    await f.runner.send('add a title').done;
    const shown = f.emitted.filter((e) => e.role === 'assistant').map((e) => e.text);
    expect(shown).toEqual(['Adding ', 'Adding a title', 'Adding a title.', 'Adding a title.']);
    expect(textsOf(f.entries(), 'assistant')).toEqual(['Adding a title.']);
  });

  it('hides thoughts, shows tool calls as working lines, and drops trailing "temporary issue" noise', async () => {
    const s = await serve({
      sseEvents: [
        { event: { ...adk.text('secret reasoning'), content: { role: 'model', parts: [{ text: 'secret reasoning', thought: true }] } } },
        { event: adk.text('On it.') },
        { event: adk.call('generate_video_with_seedance') },
        { event: adk.response('generate_video_with_seedance') },
        { event: adk.text('Here is your clip.') },
        { event: adk.text('I encountered a temporary issue, please try again.') },
      ],
    });
    const f = chatFixture(s);
    await f.runner.send('make a clip').done;
    const entries = f.entries();
    expect(textsOf(entries, 'assistant')).toEqual(['On it.', 'Here is your clip.']);
    expect(textsOf(entries, 'working')).toEqual(['Working: generating a video clip…']);
    expect(JSON.stringify(f.emitted)).not.toContain('secret reasoning');
    expect(JSON.stringify(f.emitted)).not.toContain('temporary issue');
  });

  it('shows the "temporary issue" text when it is all the agent said', async () => {
    const s = await serve({ sseEvents: [{ event: adk.text('I encountered a temporary issue.') }] });
    const f = chatFixture(s);
    await f.runner.send('hello').done;
    expect(textsOf(f.entries(), 'assistant')).toEqual(['I encountered a temporary issue.']);
  });

  it('reports {"error": …} in the stream (even as invalid JSON) and errorCode events as errors', async () => {
    const s = await serve({ sseEvents: [{ event: adk.text('Starting.') }, { raw: 'data: {"error": "tool "edit" crashed"}\n\n' }] });
    const f = chatFixture(s);
    const result = await f.runner.send('edit').done;
    expect(result.outcome).toBe('error');
    const errors = f.entries().filter((e) => e.role === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error?.code).toBe('server.error');
    expect(errors[0]?.text).toContain('tool "edit" crashed');

    s.route(ROUTES.runSse, async ({ res }) => writeSse(res, [{ event: { author: 'nemo_agent', errorCode: 'SAFETY', errorMessage: 'blocked' } }]));
    const second = await f.runner.send('again').done;
    expect(second.outcome).toBe('error');
    expect(second.error?.message).toContain('SAFETY');
  });
});

describe('ChatRunner: silent completion', () => {
  it('fetches the state and reports the diff when the stream closes without text', async () => {
    const s = await serve({ sseEvents: [{ event: adk.call('edit_multitrack') }, { keepAlive: 'json' }, { event: adk.response('edit_multitrack') }], draftAfterRun: DRAFT_WITH_TITLE });
    const f = chatFixture(s);
    const result = await f.runner.send('add a title Sale').done;
    expect(result.outcome).toBe('silent');
    expect(result.changes.changedIds).toEqual(['seg_t']);
    expect(textsOf(f.entries(), 'assistant')).toEqual(['Done: Added a title "Sale" at 0-3s.']);
  });

  it('says honestly that nothing changed', async () => {
    const s = await serve({ sseEvents: [{ event: adk.call('edit_multitrack') }], draftAfterRun: {} });
    const f = chatFixture(s);
    const result = await f.runner.send('do something').done;
    expect(result.outcome).toBe('silent');
    expect(textsOf(f.entries(), 'system')).toEqual(['The agent finished without a reply, and nothing in the timeline changed.']);
  });
});

describe('ChatRunner: drops and expired tokens', () => {
  it('never re-sends after a mid-stream drop and recovers from the state', async () => {
    // The default run_sse route applies the draft after the stream, dropped or not: the work was done.
    const s = await serve({ sseEvents: [{ event: adk.call('edit_multitrack') }, { drop: true }], draftAfterRun: DRAFT_WITH_TITLE });
    const f = chatFixture(s);
    const result = await f.runner.send('add a title Sale').done;
    expect(result.outcome).toBe('recovered');
    expect(f.runSseCount()).toBe(1);
    expect(textsOf(f.entries(), 'assistant')).toEqual(['Done: Added a title "Sale" at 0-3s.']);
  });

  it('reports failure with a retry action after 5 unchanged polls, still without re-sending', async () => {
    const s = await serve({
      routes: { [ROUTES.runSse]: async ({ res }) => writeSse(res, [{ event: adk.text('Working on it') }, { drop: true }]) },
    });
    const f = chatFixture(s);
    const result = await f.runner.send('add music').done;
    expect(result.outcome).toBe('lost');
    expect(result.error?.code).toBe('stream.dropped');
    expect(result.error?.action?.kind).toBe('retry');
    expect(f.runSseCount()).toBe(1);
    const statePolls = s.requests.filter((r) => r.path.startsWith('/api/state/'));
    // One baseline read before the run, then exactly 5 recovery polls.
    expect(statePolls).toHaveLength(6);
  });

  it('refreshes an expired token after the run and still reports what changed', async () => {
    const s = await serve({});
    s.route(ROUTES.runSse, async ({ req, res, server: srv }) => {
      await writeSse(res, [{ event: adk.call('edit_multitrack') }]);
      const sid = (JSON.parse(req.body) as { session_id: string }).session_id;
      const session = srv.state.sessions.get(sid);
      if (session) session.state.draft = DRAFT_WITH_TITLE;
      srv.expireTokens();
    });
    const f = chatFixture(s);
    const result = await f.runner.send('add a title Sale').done;
    expect(result.outcome).toBe('silent');
    expect(textsOf(f.entries(), 'assistant')).toEqual(['Done: Added a title "Sale" at 0-3s.']);
    const tokenRequests = s.requests.filter((r) => r.path === '/api/auth/anonymous-token');
    expect(tokenRequests).toHaveLength(2);
    expect(tokenRequests[1]?.headers['x-client-id']).toBe(tokenRequests[0]?.headers['x-client-id']);
    expect(f.runSseCount()).toBe(1);
  });

  it('renews a lost session (1002 before the stream) and sends once to the new one', async () => {
    const s = await serve({ sseEvents: [{ event: adk.text('Hi there.') }] });
    s.enqueue(ROUTES.runSse, envelopeError(1002));
    const f = chatFixture(s);
    const result = await f.runner.send('hello').done;
    expect(result.outcome).toBe('replied');
    const runs = s.requests.filter((r) => r.path === '/run_sse').map((r) => (JSON.parse(r.body) as { session_id: string }).session_id);
    expect(runs).toHaveLength(2);
    expect(runs[0]).not.toBe(runs[1]);
    expect(textsOf(f.entries(), 'assistant')).toEqual(['Hi there.']);
  });
});

describe('ChatRunner: queue, limits and cancel', () => {
  it('queues a second message during a run instead of sending it', async () => {
    const s = await serve({ sseEvents: [{ event: adk.text('First reply.') }, { delayMs: 300 }, { event: adk.text('More.') }] });
    const f = chatFixture(s);
    const first = f.runner.send('first');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const second = f.runner.send('second');
    expect(first.queued).toBe(false);
    expect(second.queued).toBe(true);
    expect(f.runSseCount()).toBe(1);
    expect(f.busy.at(-1)).toEqual({ busy: true, queued: 1 });
    await first.done;
    await second.done;
    const sent = s.requests.filter((r) => r.path === '/run_sse').map((r) => (JSON.parse(r.body) as { new_message: { parts: Array<{ text: string }> } }).new_message.parts[0]?.text);
    expect(sent).toEqual(['first', 'second']);
    expect(f.busy.at(-1)).toEqual({ busy: false, queued: 0 });
  });

  it('stops a run at the hard limit with stream.timeout', async () => {
    const heartbeats: SseStep[] = Array.from({ length: 40 }, () => [{ keepAlive: 'json' as const }, { delayMs: 25 }]).flat();
    const s = await serve({ sseEvents: [{ event: adk.text('Rendering…') }, ...heartbeats, { event: adk.text('never seen') }] });
    const f = chatFixture(s, { limits: { runMs: 250 } });
    const result = await f.runner.send('long job').done;
    expect(result.outcome).toBe('timeout');
    expect(result.error?.code).toBe('stream.timeout');
    expect(JSON.stringify(f.emitted)).not.toContain('never seen');
  });

  it('times out after only keep-alives for the idle limit, saying "Still working" before that', async () => {
    const heartbeats: SseStep[] = Array.from({ length: 60 }, () => [{ keepAlive: 'comment' as const }, { delayMs: 20 }]).flat();
    const s = await serve({ sseEvents: [{ event: adk.call('generate_video_with_seedance') }, ...heartbeats] });
    const f = chatFixture(s, { limits: { stillWorkingMs: 100, idleMs: 450 } });
    const result = await f.runner.send('generate').done;
    expect(result.outcome).toBe('timeout');
    const still = f.emitted.filter((e) => e.text.startsWith('⏳ Still working…'));
    expect(still.length).toBeGreaterThanOrEqual(3);
    expect(new Set(still.map((e) => e.id)).size).toBe(1);
  });

  it('cancel() aborts the run and drops queued messages', async () => {
    const s = await serve({ sseEvents: [{ event: adk.text('Starting.') }, { delayMs: 2000 }, { event: adk.text('late') }] });
    const f = chatFixture(s);
    const first = f.runner.send('first');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const second = f.runner.send('second');
    f.runner.cancel();
    expect((await first.done).outcome).toBe('cancelled');
    expect((await second.done).outcome).toBe('cancelled');
    expect(f.runSseCount()).toBe(1);
    expect(textsOf(f.entries(), 'system')).toEqual(['1 waiting message was not sent.', 'Stopped.']);
    expect(JSON.stringify(f.emitted)).not.toContain('late');
  });
});
