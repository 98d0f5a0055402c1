import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adk } from '../../support/sse';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin', 'video-builder.js');
const DRAFT = { d: 3000, m: { width: 320, height: 180 }, t: [{ id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 3000, m: { name: 'a.mp4' } }] }] };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], home: string): Promise<Run> {
  return new Promise((resolve) => {
    const { NEMO_API_URL: _url, NEMO_TOKEN: _token, ...env } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...env, VIDEO_BUILDER_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: ScriptedServer;
let dir: string;
beforeAll(async () => {
  server = await startScriptedServer({ draftAfterRun: DRAFT, sseEvents: [{ event: adk.call('edit_multitrack') }, { keepAlive: 'json' }, { event: adk.text('Done. Click Export to save it.') }] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'vb-cli-'));
  writeFileSync(path.join(dir, 'a.mp4'), Buffer.alloc(3000, 1));
  writeFileSync(path.join(dir, 'b.png'), Buffer.alloc(1000, 2));
  writeFileSync(path.join(dir, 'notes.txt'), 'not a video');
});
afterAll(async () => {
  await server.close();
});

const tokensIn = (s: ScriptedServer): string[] => [...s.state.tokens.keys()];

describe('video-builder CLI', () => {
  it('make: uploads 2 files, sends 2 prompts in order, exports and prints the draft', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'vb-cli-home-'));
    const out = path.join(dir, 'out', 'final.mp4');
    const run = await cli(['make', path.join(dir, 'a.mp4'), path.join(dir, 'b.png'), '-p', 'first prompt', '-p', 'second prompt', '-o', out, '--draft', '--backend', 'cloud', '--api-url', server.url], home);
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(DRAFT);
    expect(readFileSync(out).length).toBe(4096);

    const uploads = server.requests.filter((r) => r.path.startsWith('/api/upload-video/'));
    expect(uploads.map((r) => r.parts?.[0]?.filename)).toEqual(['a.mp4', 'b.png']);
    const prompts = server.requests.filter((r) => r.path === '/run_sse').map((r) => (JSON.parse(r.body) as { new_message: { parts: Array<{ text: string }> } }).new_message.parts[0]?.text);
    expect(prompts).toEqual(['first prompt', 'second prompt']);

    expect(run.stderr).toContain('Uploading a.mp4: 100%');
    expect(run.stderr).toContain('Working: editing the timeline…');
    expect(run.stderr).toContain('agent: Done. Say "export" to save it.');
    expect(run.stderr).toContain('Rendering: ');
    expect(run.stderr).toContain(`Saved ${out}`);
    // stderr is a pipe here: plain lines, no carriage returns or escape codes.
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('\u001b[');
    for (const token of tokensIn(server)) expect(run.stdout + run.stderr).not.toContain(token);

    const state = await cli(['state'], home);
    expect(state.code).toBe(0);
    expect(state.stdout.trim()).toBe('Timeline (1 track): 1. Video: a.mp4 (0-3s)');
    const credits = await cli(['credits'], home);
    expect(credits.stdout.trim()).toBe('You have 100 credits available. Exporting is free.');
  });

  it('fails with exit 1 and one "error:" line for an unsupported file, before sending anything', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'vb-cli-home-'));
    const before = server.requests.length;
    const run = await cli(['make', path.join(dir, 'a.mp4'), path.join(dir, 'notes.txt'), '-p', 'hi', '--backend', 'cloud', '--api-url', server.url], home);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: notes\.txt: This file type is not supported\. Supported formats: MP4/);
    expect(run.stdout).toBe('');
    expect(server.requests.length).toBe(before);
  });

  it('fails with one clear line when the service cannot be reached', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'vb-cli-home-'));
    const gone = await startScriptedServer({});
    await gone.close();
    const run = await cli(['make', path.join(dir, 'a.mp4'), '--backend', 'cloud', '--api-url', gone.url], home);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors).toEqual(["error: Can't reach the video service. Check your connection and try again."]);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
