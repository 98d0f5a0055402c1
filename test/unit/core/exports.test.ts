import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJob } from '../../../shared/bridge';
import { EXPORT_JOBS_KEY } from '../../../main/core/export-jobs-store';
import { ExportManager } from '../../../main/core/exports';
import { Sessions } from '../../../main/core/sessions';
import { createConfStore, type KeyValueStore } from '../../../main/core/storage';
import { makeClient } from '../../support/core-harness';
import { ROUTES, startScriptedServer, type RouteHandler, type ScriptedServer, type ServerScript } from '../../support/scripted-server';

const DRAFT = { d: 3000, t: [{ id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 3000, m: { name: 'clip.mp4' } }] }] };
const RENDERED = Buffer.alloc(4096, 7);

let server: ScriptedServer | undefined;
const managers: ExportManager[] = [];
afterEach(async () => {
  managers.splice(0).forEach((m) => m.close());
  await server?.close();
  server = undefined;
});

/** Every session's state carries a draft that can be exported. */
const stateWithDraft: RouteHandler = ({ params, res }) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ code: 0, data: { session_id: params.sid, state: { video_infos: [], draft: DRAFT } } }));
};

async function setup(script: ServerScript = {}, store?: KeyValueStore): Promise<{ s: ScriptedServer; manager: ExportManager; jobs: ExportJob[]; store: KeyValueStore; dir: string }> {
  const s = await startScriptedServer({ ...script, routes: { [ROUTES.state]: stateWithDraft, ...script.routes } });
  server = s;
  const harness = makeClient(s.url, store ? { store } : {});
  const jobs: ExportJob[] = [];
  const manager = new ExportManager({
    client: harness.client,
    sessions: new Sessions(harness.client, harness.store),
    projectId: 'p1',
    store: harness.store,
    pollIntervalMs: 5,
    onJob: (job) => jobs.push(job),
  });
  managers.push(manager);
  return { s, manager, jobs, store: harness.store, dir: mkdtempSync(path.join(os.tmpdir(), 'vb-exp-')) };
}

const submits = (s: ScriptedServer): Array<{ id: string; sessionId: string; output: Record<string, unknown> }> =>
  s.requests.filter((r) => r.method === 'POST' && r.path === '/api/render/proxy/lambda').map((r) => JSON.parse(r.body) as { id: string; sessionId: string; output: Record<string, unknown> });

describe('ExportManager', () => {
  it('submits, persists before polling, polls the v4.4 shape and downloads via .part', async () => {
    const { s, manager, jobs, store, dir } = await setup();
    const storedAtPolls: unknown[] = [];
    const replies = [{ status: 'processing', progress: 40 }, { status: 'processing', progress: 70 }];
    s.route(ROUTES.renderPoll, ({ params, res, server: srv }) => {
      storedAtPolls.push(store.get(EXPORT_JOBS_KEY));
      const next = replies.shift();
      if (!next) srv.state.files.set(`${params.id}.mp4`, RENDERED);
      const data = next ?? { status: 'completed', progress: 100, outputUrl: `${srv.url}/files/${params.id}.mp4` };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ success: true, data }));
    });
    const outPath = path.join(dir, 'nested', 'out.mp4');
    const job = await manager.start({ preset: 'landscape', outPath });
    expect(job.state).toBe('queued');
    const done = await manager.wait(job.id);

    const [firstPoll] = storedAtPolls as Array<Record<string, { job: ExportJob; renderId: string }>>;
    const persisted = Object.values(firstPoll ?? {})[0];
    expect(persisted?.job).toMatchObject({ id: job.id, state: 'queued', outPath });
    expect(persisted?.renderId).toMatch(/^render_\d+$/);
    expect(done.state).toBe('done');
    expect(readFileSync(outPath)).toEqual(RENDERED);
    expect(existsSync(`${outPath}.part`)).toBe(false);
    expect(jobs.map((j) => j.state)).toEqual(expect.arrayContaining(['submitting', 'queued', 'rendering', 'downloading', 'done']));
    expect(jobs.filter((j) => j.state === 'rendering').map((j) => j.progress)).toEqual([40, 70]);
    const [body] = submits(s);
    expect(body?.id).toBe(persisted?.renderId);
    expect(body?.output).toEqual({ format: 'mp4', quality: 'high', resolution: '1080p', width: 1920, height: 1080 });
    expect(manager.get(job.id)?.state).toBe('done');
  });

  it('reads the skill poll shape (top-level status, output.url)', async () => {
    const { s, manager, dir } = await setup({ renderShape: 'skill', renderPolls: 2 });
    const job = await manager.start({ preset: 'vertical', outPath: path.join(dir, 'v.mp4') });
    const done = await manager.wait(job.id);
    expect(done.state).toBe('done');
    expect(readFileSync(path.join(dir, 'v.mp4'))).toEqual(RENDERED);
    expect(s.requests.some((r) => r.path.startsWith('/files/render_'))).toBe(true);
  });

  it('retries a failed submit once with a new id', async () => {
    const { s, manager, dir } = await setup({});
    s.enqueue(ROUTES.renderSubmit, { status: 409, json: { success: false, error: 'duplicate id' } });
    const job = await manager.start({ preset: 'square', outPath: path.join(dir, 'sq.mp4') });
    expect((await manager.wait(job.id)).state).toBe('done');
    const ids = submits(s).map((b) => b.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('gives up after the second failed submit, keeping the failed job with its reason', async () => {
    const { s, manager, dir } = await setup({});
    s.enqueue(ROUTES.renderSubmit, { status: 500, json: { success: false, error: 'render farm down' } }, { status: 500, json: { success: false, error: 'render farm down' } });
    await expect(manager.start({ preset: 'landscape', outPath: path.join(dir, 'x.mp4') })).rejects.toMatchObject({ user: { code: 'server.error' } });
    expect(submits(s)).toHaveLength(2);
    expect(manager.list().at(-1)).toMatchObject({ state: 'failed', error: { code: 'server.error' } });
  });

  it('falls back to the proxy download when the output URL is unreachable', async () => {
    const { s, manager, dir } = await setup({});
    s.route(ROUTES.renderPoll, ({ params, res, server: srv }) => {
      srv.state.files.set(`${params.id}.mp4`, RENDERED);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ success: true, data: { status: 'completed', progress: 100, outputUrl: `${srv.url}/files/vanished.mp4` } }));
    });
    const job = await manager.start({ preset: 'landscape', outPath: path.join(dir, 'f.mp4') });
    expect((await manager.wait(job.id)).state).toBe('done');
    expect(readFileSync(path.join(dir, 'f.mp4'))).toEqual(RENDERED);
    expect(s.requests.some((r) => /\/api\/render\/proxy\/render_\d+\/download/.test(r.path))).toBe(true);
  });

  it('cancels: tells the server, stops polling and marks the job cancelled', async () => {
    const { s, manager, dir } = await setup({ renderPolls: 1_000_000 });
    const job = await manager.start({ preset: 'landscape', outPath: path.join(dir, 'c.mp4') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await manager.cancel(job.id);
    const pollsAtCancel = s.requests.filter((r) => r.path.startsWith('/api/render/proxy/lambda/render_')).length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(manager.get(job.id)?.state).toBe('cancelled');
    expect(s.requests.some((r) => r.path.endsWith('/cancel'))).toBe(true);
    const pollsLater = s.requests.filter((r) => r.path.startsWith('/api/render/proxy/lambda/render_') && !r.path.endsWith('/cancel')).length;
    expect(pollsLater).toBeLessThanOrEqual(pollsAtCancel);
    expect(existsSync(path.join(dir, 'c.mp4'))).toBe(false);
  });

  it('refuses an empty draft with "Add media first" and submits nothing', async () => {
    const { s, manager, dir } = await setup({ routes: { [ROUTES.state]: ({ params, res }) => void res.end(JSON.stringify({ code: 0, data: { session_id: params.sid, state: { draft: {} } } })) } });
    await expect(manager.start({ preset: 'landscape', outPath: path.join(dir, 'e.mp4') })).rejects.toMatchObject({ user: { code: 'draft.empty' } });
    expect(submits(s)).toHaveLength(0);
  });

  it('resumes an export after its process was killed mid-poll, and the file arrives', async () => {
    let released = false;
    const s = await startScriptedServer({
      routes: {
        [ROUTES.state]: stateWithDraft,
        [ROUTES.renderPoll]: ({ params, res, server: srv }) => {
          const done = released;
          if (done) srv.state.files.set(`${params.id}.mp4`, RENDERED);
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ success: true, data: done ? { status: 'completed', progress: 100, outputUrl: `${srv.url}/files/${params.id}.mp4` } : { status: 'processing', progress: 50 } }));
        },
      },
    });
    server = s;
    const home = mkdtempSync(path.join(os.tmpdir(), 'vb-resume-'));
    const outPath = path.join(home, 'out', 'resumed.mp4');
    const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'exports-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, s.url, home, outPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const polls = (): number => s.requests.filter((r) => r.path.startsWith('/api/render/proxy/lambda/render_')).length;
    const deadline = Date.now() + 15_000;
    while (polls() < 3) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`child never polled: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(outPath)).toBe(false);

    released = true;
    const store = createConfStore(home);
    const { client } = makeClient(s.url, { store });
    const jobs: ExportJob[] = [];
    const manager = new ExportManager({ client, sessions: new Sessions(client, store), projectId: 'p1', store, pollIntervalMs: 5, onJob: (j) => jobs.push(j) });
    managers.push(manager);
    const resumed = manager.resumeAll();
    expect(resumed).toHaveLength(1);
    expect(resumed[0]?.preset).toBe('square');
    const done = await manager.wait(resumed[0]!.id);
    expect(done.state).toBe('done');
    expect(readFileSync(outPath)).toEqual(RENDERED);
    expect(submits(s)).toHaveLength(1);
  });
});
