/**
 * Upload memory benchmark (issue 2): a 200 MB sparse file is uploaded through the real core (uploadFiles →
 * ApiClient.uploadMultipart) to a scripted server. The upload runs in a CHILD process so that only the client's
 * memory is measured; the server (which counts bytes without keeping them) stays in this process.
 * Reports the child's peak RSS growth over its pre-upload baseline (target < 64 MB) and the throughput.
 *
 *   npx tsx bench/upload-memory.bench.ts      # prints the JSON result
 *   import { run } from './upload-memory.bench'   # bench/run.ts
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Auth } from '../main/core/auth';
import { ApiClient, attributionHeaders } from '../main/core/http-client';
import { createFileSecretStore } from '../main/core/secret-store';
import { Sessions } from '../main/core/sessions';
import { createMemoryStore } from '../main/core/storage';
import { uploadFiles } from '../main/core/uploads';
import { startScriptedServer } from '../test/support/scripted-server';

const FILE_BYTES = 200 * 1024 * 1024;
const TARGET_MB = 64;
const MB = 1024 * 1024;
const CHILD_FLAG = '--upload-child';
const thisFile = fileURLToPath(import.meta.url);

interface ChildResult {
  baselineRssMb: number;
  peakSampledRssMb: number;
  maxRssMb: number;
  durationMs: number;
  progressEvents: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vb-bench-upload-'));
  const server = await startScriptedServer();
  try {
    const file = path.join(dir, 'sparse-200mb.mp4');
    await writeFile(file, '');
    await truncate(file, FILE_BYTES);
    const child = await runChild(server.url, file);
    const upload = server.requests.filter((r) => r.path.startsWith('/api/upload-video/')).at(-1);
    const received = upload?.parts?.[0]?.size ?? 0;
    // maxRSS covers peaks between samples; the growth is measured against the RSS right before the upload.
    const peakGrowthMb = round(Math.max(child.maxRssMb, child.peakSampledRssMb) - child.baselineRssMb);
    return {
      name: 'upload-memory',
      fileMb: FILE_BYTES / MB,
      serverReceivedBytes: received,
      complete: received === FILE_BYTES,
      baselineRssMb: child.baselineRssMb,
      peakRssMb: round(Math.max(child.maxRssMb, child.peakSampledRssMb)),
      peakSampledRssMb: child.peakSampledRssMb,
      maxRssMb: child.maxRssMb,
      peakRssGrowthMb: peakGrowthMb,
      targetMb: TARGET_MB,
      pass: peakGrowthMb < TARGET_MB && received === FILE_BYTES,
      durationMs: child.durationMs,
      throughputMbPerS: round(FILE_BYTES / MB / (child.durationMs / 1000)),
      progressEvents: child.progressEvents,
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function runChild(url: string, file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', thisFile, CHILD_FLAG, url, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`upload child failed (${code}): ${err.slice(-500)}`));
      resolve(JSON.parse(line) as ChildResult);
    });
  });
}

async function childMain(url: string, file: string): Promise<void> {
  const store = createMemoryStore();
  const auth = new Auth({ store, secrets: createFileSecretStore(store), baseUrl: url, headers: () => attributionHeaders('bench', 'unknown') });
  const client = new ApiClient({ baseUrl: url, auth, appVersion: 'bench', platform: 'unknown' });
  const { session_id: sid } = await new Sessions(client, store).get('bench');
  // Warm-up: load every code path once so the baseline includes code, not data.
  const small = path.join(path.dirname(file), 'warmup.mp4');
  await writeFile(small, Buffer.alloc(64 * 1024));
  await uploadFiles(client, sid, [small]);
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  let progressEvents = 0;
  const started = performance.now();
  await uploadFiles(client, sid, [file], { onProgress: () => void progressEvents++ });
  const durationMs = Math.round(performance.now() - started);
  clearInterval(sampler);
  const result: ChildResult = {
    baselineRssMb: round(baseline / MB),
    peakSampledRssMb: round(peak / MB),
    maxRssMb: round((process.resourceUsage().maxRSS * 1024) / MB),
    durationMs,
    progressEvents,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] === thisFile) {
  const flagAt = process.argv.indexOf(CHILD_FLAG);
  const main = flagAt >= 0 ? childMain(process.argv[flagAt + 1] ?? '', process.argv[flagAt + 2] ?? '') : run().then((r) => console.log(JSON.stringify(r, null, 2)));
  main.catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
