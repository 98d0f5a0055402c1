/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones) one after another, so they never compete
 * for the two cores, each in a fresh child process, so one bench's memory never shows up in the next one's figures.
 * Writes all figures to bench/results/latest.json. Speed targets live here, never in timed tests.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<Record<string, unknown>>;
}

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const RESULT_MARK = 'BENCH_RESULT ';

async function runChild(name: string): Promise<void> {
  const mod = (await import(pathToFileURL(path.join(benchDir, `${name}.bench.ts`)).href)) as BenchModule;
  const result = await mod.run();
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(result)}\n`);
}

function runInChild(name: string): Promise<Record<string, unknown>> {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [tsxCli, fileURLToPath(import.meta.url), '--child', name], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (line) resolve(JSON.parse(line.slice(RESULT_MARK.length)) as Record<string, unknown>);
      else resolve({ error: err ? err.message.split('\n')[0] : 'the bench printed no result' });
    });
    child.stderr?.pipe(process.stderr);
  });
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = (await readdir(benchDir))
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace('.bench.ts', ''))
    .filter((name) => wanted.length === 0 || wanted.includes(name))
    .sort();

  const results: Record<string, unknown> = {};
  for (const name of files) {
    process.stderr.write(`bench: ${name}…\n`);
    const started = Date.now();
    results[name] = { ...(await runInChild(name)), wallSeconds: (Date.now() - started) / 1000 };
    process.stderr.write(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage1m: os.loadavg()[0] },
    results,
  };
  await mkdir(path.join(benchDir, 'results'), { recursive: true });
  const out = path.join(benchDir, 'results', wanted.length === 0 ? 'latest.json' : `latest-${wanted.join('-')}.json`);
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(`bench: wrote ${path.relative(process.cwd(), out)}\n`);
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await runChild(process.argv[childAt + 1] ?? '');
else await main();
