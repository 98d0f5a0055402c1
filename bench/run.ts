/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones) one after another, so they never compete
 * for the two cores, and writes all figures to bench/results/latest.json. Speed targets live here, never in timed tests.
 */
import { readdir, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<Record<string, unknown>>;
}

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = (await readdir(benchDir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
  .sort();

const results: Record<string, unknown> = {};
for (const file of files) {
  const name = file.replace('.bench.ts', '');
  process.stderr.write(`bench: ${name}…\n`);
  const started = Date.now();
  try {
    const mod = (await import(pathToFileURL(path.join(benchDir, file)).href)) as BenchModule;
    results[name] = { ...(await mod.run()), wallSeconds: (Date.now() - started) / 1000 };
  } catch (err) {
    results[name] = { error: err instanceof Error ? err.message : String(err) };
  }
  process.stderr.write(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  results,
};
await mkdir(path.join(benchDir, 'results'), { recursive: true });
const out = path.join(benchDir, 'results', wanted.length === 0 ? 'latest.json' : `latest-${wanted.join('-')}.json`);
await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.stderr.write(`bench: wrote ${path.relative(process.cwd(), out)}\n`);
