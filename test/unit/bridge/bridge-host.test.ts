import { describe, expect, it } from 'vitest';
import { createBridgeHost, runCommand } from '../../../main/bridge-host';
import type { WireEvent } from '../../../shared/bridge-wire';
import { AppError } from '../../../shared/errors';
import { createFakeApp, makeJob } from './fake-app';

describe('runCommand', () => {
  it('refuses a command that is not in the table (including prototype names)', async () => {
    const app = createFakeApp();
    for (const name of ['fs.readFile', 'constructor', '__proto__', 'toString']) {
      const result = await runCommand(app.handlers, name, {});
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'bridge.unknown' }) });
    }
    expect(app.calls).toEqual([]);
  });

  it('refuses invalid input with bridge.invalid and never calls the handler', async () => {
    const app = createFakeApp();
    const bad = [
      ['chat.send', { text: '   ' }],
      ['chat.send', { text: 42 }],
      ['media.add', { paths: [] }],
      ['export.start', { preset: 'cinema' }],
      ['link.open', { url: 'not a url' }],
    ] as const;
    for (const [command, input] of bad) {
      const result = await runCommand(app.handlers, command, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bridge.invalid');
    }
    expect(app.calls).toEqual([]);
  });

  it('passes the parsed input (trimmed by the schema) and returns the output', async () => {
    const app = createFakeApp();
    const result = await runCommand(app.handlers, 'chat.send', { text: '  hello  ' });
    expect(result).toEqual({ ok: true, output: { queued: false } });
    expect(app.calls).toEqual([{ command: 'chat.send', input: { text: 'hello' } }]);
  });

  it('treats a missing input as {} for commands without fields', async () => {
    const app = createFakeApp();
    expect(await runCommand(app.handlers, 'timeline.undo', undefined)).toEqual({ ok: true, output: { ok: true } });
  });

  it('validates the output: a handler returning the wrong shape gives bridge.output, not the bad data', async () => {
    const app = createFakeApp();
    app.handlers['credits.refresh'] = () => Promise.resolve({ kind: 'cloud', available: 'lots' } as never);
    const seen: unknown[] = [];
    const result = await runCommand(app.handlers, 'credits.refresh', {}, (_c, err) => seen.push(err));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'bridge.output' }) });
    expect(seen).toHaveLength(1);
  });

  it('turns a thrown error into a UserError without a stack', async () => {
    const app = createFakeApp();
    app.handlers['export.start'] = () => Promise.reject(new AppError({ code: 'draft.empty', message: 'Add media first.' }));
    const typed = await runCommand(app.handlers, 'export.start', { preset: 'square' });
    expect(typed).toEqual({ ok: false, error: { code: 'draft.empty', message: 'Add media first.' } });

    const boom = new Error('boom');
    boom.stack = 'Error: boom\n    at secretFunction (/home/me/main/core/app.ts:12:3)';
    app.handlers['chat.cancel'] = () => Promise.reject(boom);
    const raw = await runCommand(app.handlers, 'chat.cancel', {});
    expect(raw.ok).toBe(false);
    expect(JSON.stringify(raw)).not.toContain('app.ts');
    expect(JSON.stringify(raw)).not.toContain('    at ');
  });
});

describe('createBridgeHost', () => {
  it('queues events until app.ready, flushes them in order before the snapshot, then streams live', async () => {
    const app = createFakeApp();
    const host = createBridgeHost(app);
    const sent: WireEvent[] = [];
    const conn = host.connect((e) => sent.push(e));
    app.emit('export.job', makeJob({ progress: 10 }));
    app.emit('export.job', makeJob({ progress: 20 }));
    app.emit('chat.busy', { busy: true, queued: 0 });
    expect(sent).toEqual([]);

    // Another command does not open the gate.
    await conn.call('credits.refresh', {});
    expect(sent).toEqual([]);

    const result = await conn.call('app.ready', {});
    expect(result.ok).toBe(true);
    expect(sent.map((e) => [e.name, (e.payload as { progress?: number }).progress])).toEqual([
      ['export.job', 10],
      ['export.job', 20],
      ['chat.busy', undefined],
    ]);

    app.emit('export.job', makeJob({ progress: 30 }));
    expect(sent).toHaveLength(4);
    expect(sent[3]).toEqual({ type: 'event', name: 'export.job', payload: makeJob({ progress: 30 }) });
  });

  it('each app.ready returns a fresh snapshot (a reopened window sees the running export)', async () => {
    const app = createFakeApp();
    const host = createBridgeHost(app);
    const conn = host.connect(() => undefined);
    app.snapshot = { ...app.snapshot, exports: [makeJob({ progress: 55 })] };
    const first = await conn.call('app.ready', {});
    conn.reset();
    app.snapshot = { ...app.snapshot, exports: [makeJob({ progress: 80 })] };
    const second = await conn.call('app.ready', {});
    expect(first.ok && (first.output as { exports: Array<{ progress: number }> }).exports[0]!.progress).toBe(55);
    expect(second.ok && (second.output as { exports: Array<{ progress: number }> }).exports[0]!.progress).toBe(80);
  });

  it('reset() holds events again until the next app.ready', async () => {
    const app = createFakeApp();
    const host = createBridgeHost(app);
    const sent: WireEvent[] = [];
    const conn = host.connect((e) => sent.push(e));
    await conn.call('app.ready', {});
    conn.reset();
    app.emit('credits', { kind: 'local' });
    expect(sent).toEqual([]);
    await conn.call('app.ready', {});
    expect(sent.map((e) => e.name)).toEqual(['credits']);
  });

  it('drops events that are unknown or fail their schema', async () => {
    const app = createFakeApp();
    const errors: string[] = [];
    const host = createBridgeHost(app, { onError: (c) => errors.push(c) });
    const sent: WireEvent[] = [];
    const conn = host.connect((e) => sent.push(e));
    await conn.call('app.ready', {});
    app.emit('secret.leak', { token: 'x' });
    app.emit('export.job', { id: 'j', progress: 400 });
    app.emit('toast', { level: 'info', message: 'hi' });
    expect(sent.map((e) => e.name)).toEqual(['toast']);
    expect(errors).toEqual(['event:secret.leak', 'event:export.job']);
  });

  it('keeps each connection separate and bounds the pre-ready queue', async () => {
    const app = createFakeApp();
    const host = createBridgeHost(app, { maxQueued: 2 });
    const a: WireEvent[] = [];
    const b: WireEvent[] = [];
    const connA = host.connect((e) => a.push(e));
    host.connect((e) => b.push(e));
    for (const progress of [1, 2, 3]) app.emit('export.job', makeJob({ progress }));
    await connA.call('app.ready', {});
    expect(a.map((e) => (e.payload as { progress: number }).progress)).toEqual([2, 3]);
    expect(b).toEqual([]);
  });

  it('dispose stops delivery and close unsubscribes from the app', async () => {
    const app = createFakeApp();
    const host = createBridgeHost(app);
    const sent: WireEvent[] = [];
    const conn = host.connect((e) => sent.push(e));
    await conn.call('app.ready', {});
    conn.dispose();
    app.emit('credits', { kind: 'local' });
    expect(sent).toEqual([]);
    host.close();
    expect(app.listenerCount()).toBe(0);
  });
});
