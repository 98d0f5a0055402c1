import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEntry, Connection, ExportJob, MediaItem, Timeline } from '../../../shared/bridge';
import { adk } from '../../support/sse';
import { envelopeError, ROUTES, startScriptedServer, type ScriptedServer } from '../../support/scripted-server';
import { appFixture, type AppFixture } from './app-fixture';

let server: ScriptedServer | undefined;
let fixture: AppFixture | undefined;
afterEach(async () => {
  await fixture?.app.close();
  await server?.close();
  server = undefined;
  fixture = undefined;
});

const DRAFT = { d: 3000, t: [{ id: 'v1', tt: 0, sg: [{ id: 'seg_1', s: 0, d: 3000, m: { name: 'clip.mp4' } }] }] };
const runCount = (s: ScriptedServer): number => s.requests.filter((r) => r.path === '/run_sse').length;
const lastOf = (entries: ChatEntry[], role: ChatEntry['role']): string | undefined => entries.filter((e) => e.role === role).at(-1)?.text;

async function started(opts: Parameters<typeof appFixture>[1] = {}, script: Parameters<typeof startScriptedServer>[0] = {}): Promise<AppFixture> {
  server = await startScriptedServer({ draftAfterRun: DRAFT, sseEvents: [{ event: adk.text('Added your clip.') }], ...script });
  fixture = appFixture(server, opts);
  await fixture.app.start();
  return fixture;
}

describe('createApp: connect', () => {
  it('goes from "connecting" to "connected" with the cloud balance', async () => {
    const f = await started({}, { credits: { available: 2500, frozen: 40 } });
    const states = f.events.filter((e) => e.name === 'connection').map((e) => e.payload as Connection);
    expect(states.map((c) => c.state)).toEqual(['connecting', 'connected']);
    expect(states[1]?.detail).toBe('NemoVideo cloud: 2,500 credits');
    const snap = await f.app.handlers['app.ready']({});
    expect(snap.connection.state).toBe('connected');
    expect(snap.credits).toEqual({ kind: 'cloud', available: 2500, frozen: 40, total: 2540 });
  });

  it('uses the local engine by default and calls it free', async () => {
    const f = await started({ backend: 'local' });
    const last = f.events.filter((e) => e.name === 'connection').at(-1)?.payload as Connection;
    expect(last).toMatchObject({ state: 'connected', backend: 'local', detail: 'Local engine: free' });
  });

  it('reports a connection error without throwing when the backend is unreachable', async () => {
    const gone = await startScriptedServer({});
    await gone.close();
    fixture = appFixture(gone);
    await fixture.app.start();
    const last = fixture.events.filter((e) => e.name === 'connection').at(-1)?.payload as Connection;
    expect(last.state).toBe('offline');
    expect(last.error?.code).toBe('network');
    await expect(fixture.app.handlers['export.start']({ preset: 'landscape' })).rejects.toMatchObject({ user: { code: 'network' } });
  });
});

describe('createApp: settings', () => {
  it('persists a backend change and reconnects to it', async () => {
    const f = await started();
    const view = await f.app.handlers['settings.update']({ backend: 'local', language: 'zh-CN' });
    expect(view).toMatchObject({ backend: 'local', language: 'zh-CN', hasToken: false });
    await f.until((name, p) => name === 'connection' && (p as Connection).backend === 'local' && (p as Connection).state === 'connected');
    expect(f.store.get('settings')).toMatchObject({ backend: 'local', language: 'zh-CN' });
    expect(JSON.stringify(f.store.get('settings'))).not.toContain('token');
  });
});

describe('createApp: chat routing', () => {
  it('answers credits, status and upload itself, and sends the rest to the agent', async () => {
    const f = await started({}, { credits: { available: 80, frozen: 0 } });
    await f.app.handlers['chat.send']({ text: 'how many credits do I have left?' });
    expect(lastOf(f.chat(), 'assistant')).toBe('You have 80 credits available. Exporting is free.');
    await f.app.handlers['chat.send']({ text: 'upload these' });
    expect(lastOf(f.chat(), 'assistant')).toContain('Add media');
    expect(runCount(server!)).toBe(0);

    const sent = await f.app.handlers['chat.send']({ text: 'add my clip to the timeline' });
    expect(sent.queued).toBe(false);
    await f.until((name, p) => name === 'timeline' && (p as Timeline).changes.length > 0);
    expect(runCount(server!)).toBe(1);
    const timeline = f.events.filter((e) => e.name === 'timeline').at(-1)?.payload as Timeline;
    expect(timeline).toMatchObject({ summary: 'Timeline (1 track): 1. Video: clip.mp4 (0-3s)', changedIds: ['seg_1'], canUndo: true, canRedo: false });
    expect(timeline.changes).toEqual(['Added clip 1 (clip.mp4)']);

    await f.app.handlers['chat.send']({ text: 'what is on the timeline' });
    expect(lastOf(f.chat(), 'assistant')).toBe('Timeline (1 track): 1. Video: clip.mp4 (0-3s)');
    expect(runCount(server!)).toBe(1);
  });

  it('exports when asked in the chat, with the preset from the words, and says when the file is ready', async () => {
    const f = await started();
    await f.app.handlers['chat.send']({ text: 'add the clip' });
    await f.until((name, p) => name === 'timeline' && (p as Timeline).changes.length > 0);
    await f.app.handlers['chat.send']({ text: 'export it as a vertical video' });
    await f.until((name, p) => name === 'export.job' && (p as ExportJob).state === 'done');
    const job = f.events.filter((e) => e.name === 'export.job').at(-1)?.payload as ExportJob;
    expect(job.preset).toBe('vertical');
    expect(statSync(job.outPath).size).toBe(4096);
    const submit = server!.requests.find((r) => r.path === '/api/render/proxy/lambda');
    expect(JSON.parse(submit!.body)).toMatchObject({ output: { format: 'mp4', width: 1080, height: 1920 } });
    await f.until((name, p) => name === 'chat.entry' && (p as ChatEntry).text.startsWith('Your video is ready'));
    expect(runCount(server!)).toBe(1);
  });

  it('refuses to export an empty timeline with "Add media first"', async () => {
    const f = await started();
    await f.app.handlers['chat.send']({ text: 'export' });
    const error = f.chat().filter((e) => e.role === 'error').at(-1);
    expect(error?.error?.code).toBe('draft.empty');
    expect(server!.requests.some((r) => r.path === '/api/render/proxy/lambda')).toBe(false);
  });
});

describe('createApp: media', () => {
  it('refuses unsupported and missing files before any upload, and uploads the rest', async () => {
    const f = await started();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vb-media-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    writeFileSync(path.join(dir, 'clip.mp4'), Buffer.alloc(2048, 1));
    const { items } = await f.app.handlers['media.add']({ paths: [path.join(dir, 'notes.txt'), path.join(dir, 'gone.mp4'), path.join(dir, 'clip.mp4')] });
    expect(items.map((i) => i.state)).toEqual(['failed', 'failed', 'queued']);
    expect(items[0]?.error?.code).toBe('media.unsupported');
    expect(items[1]?.error?.code).toBe('file.missing');
    await f.until((name, p) => name === 'media.item' && (p as MediaItem).name === 'clip.mp4' && (p as MediaItem).state === 'ready');
    const uploads = server!.requests.filter((r) => r.path.startsWith('/api/upload-video/'));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.parts?.map((p) => p.filename)).toEqual(['clip.mp4']);
    const progress = f.events.filter((e) => e.name === 'media.item' && (e.payload as MediaItem).name === 'clip.mp4').map((e) => (e.payload as MediaItem).state);
    expect(progress[0]).toBe('queued');
    expect(progress.at(-1)).toBe('ready');
    expect(existsSync(path.join(dir, 'clip.mp4'))).toBe(true);
  });
});

describe('createApp: the token never leaves main', () => {
  it('keeps every token out of every event, even in error messages', async () => {
    const f = await started();
    const userToken = 'nmv_usr_THISisAsecretTOKENthatMUSTneverLEAK000';
    server!.state.tokens.set(userToken, { userId: 'user_42', clientId: 'elsewhere' });
    await f.app.handlers['settings.update']({ token: userToken, backend: 'cloud' });
    await f.until((name, p) => name === 'connection' && (p as Connection).state !== 'connecting' && f.events.filter((e) => e.name === 'connection').length >= 4);
    const issued = [...server!.state.tokens.keys()];
    server!.enqueue(ROUTES.credits, envelopeError(5000, 500, `token ${userToken} rejected; also ${issued[0] ?? ''}`));
    await f.app.handlers['chat.send']({ text: 'credits' }).catch(() => undefined);
    expect(lastOf(f.chat(), 'error')).toContain('rejected');
    await f.app.handlers['chat.send']({ text: 'add a title' });
    await f.until((name, p) => name === 'timeline' && (p as Timeline).changes.length > 0);
    const settings = await f.app.handlers['app.ready']({});
    expect(settings.settings.hasToken).toBe(true);
    const everything = JSON.stringify(f.events) + JSON.stringify(settings);
    for (const token of [userToken, ...issued, ...server!.state.tokens.keys()]) expect(everything).not.toContain(token);
    // The user's token really is the one in use.
    expect(server!.requests.at(-1)?.headers.authorization).toBe(`Bearer ${userToken}`);
  });
});
