/**
 * Local engine responsiveness (issue 3 §Speed): time from sending a chat message to the first SSE event
 * (target < 100 ms; median of 20 turns), and the time to upload + ffprobe 20 files in one request.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../main/engine/index';
import { resolveFfmpegTools } from '../main/engine/ffmpeg/resolve';

const TURNS = 20;
const FILES = 20;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round = (ms: number): number => Math.round(ms * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const tools = await resolveFfmpegTools();
  const work = mkdtempSync(join(tmpdir(), 'vb-engine-bench-'));
  const clip = join(work, 'clip.mp4');
  execFileSync(tools.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=30:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip]);
  const engine = await startEngine({ dataDir: join(work, 'data'), tools });
  try {
    const tokenRes = await fetch(`${engine.url}/api/auth/anonymous-token`, { method: 'POST', headers: { 'X-Client-Id': 'bench' } });
    const token = ((await tokenRes.json()) as { data: { token: string } }).data.token;
    const headers = { Authorization: `Bearer ${token}`, 'X-Skill-Source': 'video-builder' };
    const sessionRes = await fetch(`${engine.url}/api/tasks/me/with-session/nemo_agent`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ task_name: 'bench' }),
    });
    const sessionId = ((await sessionRes.json()) as { data: { session_id: string } }).data.session_id;

    // 20 files in one multipart request: stream to disk + one ffprobe each.
    const form = new FormData();
    const bytes = new Uint8Array(readFileSync(clip));
    for (let i = 0; i < FILES; i += 1) form.append('files', new Blob([bytes]), `clip ${i + 1}.mp4`);
    const probeStart = performance.now();
    const uploadRes = await fetch(`${engine.url}/api/upload-video/nemo_agent/me/${sessionId}`, { method: 'POST', headers, body: form });
    const uploaded = ((await uploadRes.json()) as { data: { files: unknown[] } }).data.files.length;
    const probe20Ms = performance.now() - probeStart;

    // Time to first event: from the request being sent to the first SSE `data:` line arriving.
    const firsts: number[] = [];
    const totals: number[] = [];
    const messages = ['add all my clips', 'make it vertical', 'undo', 'add a title "Bench"', 'add fade transitions'];
    for (let i = 0; i < TURNS; i += 1) {
      const started = performance.now();
      const res = await fetch(`${engine.url}/run_sse`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ app_name: 'nemo_agent', user_id: 'me', session_id: sessionId, new_message: { parts: [{ text: messages[i % messages.length] }] } }),
      });
      const reader = res.body!.getReader();
      let first = -1;
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        if (first < 0) first = performance.now() - started;
      }
      firsts.push(first);
      totals.push(performance.now() - started);
    }
    return {
      firstSseEventMedianMs: round(median(firsts)),
      firstSseEventMaxMs: round(Math.max(...firsts)),
      firstSseEventTargetMs: 100,
      chatTurnMedianMs: round(median(totals)),
      turns: TURNS,
      probe20FilesMs: round(probe20Ms),
      probePerFileMs: round(probe20Ms / FILES),
      filesUploaded: uploaded,
      ffmpegSource: tools.source,
    };
  } finally {
    await engine.close();
    rmSync(work, { recursive: true, force: true });
  }
}
