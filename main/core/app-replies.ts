/** The words of the replies the app gives itself (routed intents, connection detail): pure, tested on literals. */
import { EXPORT_PRESETS, type CreditsView, type ExportJob, type ExportPreset } from '../../shared/bridge';
import type { Credits } from '../../shared/protocol';

export function creditsView(kind: 'local' | 'cloud', credits: Credits | undefined): CreditsView {
  if (kind === 'local') return { kind: 'local' };
  if (!credits) return { kind: 'unknown' };
  const frozen = credits.frozen ?? 0;
  return { kind: 'cloud', available: credits.available, frozen, total: credits.total ?? credits.available + frozen };
}

export function connectionDetail(view: CreditsView): string {
  if (view.kind === 'local') return 'Local engine: free';
  if (view.kind === 'cloud') return `NemoVideo cloud: ${view.available.toLocaleString('en-US')} credits`;
  return 'NemoVideo cloud';
}

export function creditsReply(view: CreditsView): string {
  if (view.kind === 'local') return 'You are using the local engine: editing and exporting are free, no credits needed.';
  if (view.kind === 'unknown') return 'I could not read your credit balance just now. Try again in a moment.';
  const reserved = view.frozen > 0 ? ` (${view.frozen.toLocaleString('en-US')} more are reserved for work in progress)` : '';
  return `You have ${view.available.toLocaleString('en-US')} credits available${reserved}. Exporting is free.`;
}

export const UPLOAD_REPLY = 'Drop your files onto the window, or use "Add media", to upload them. I will check each one before sending it.';

export function exportStartedReply(preset: ExportPreset, job: ExportJob): string {
  return `Exporting ${EXPORT_PRESETS[preset].label} to ${job.outPath}. I will tell you when the file is ready.`;
}

export function exportFinishedReply(job: ExportJob): string | null {
  if (job.state === 'done') return `Your video is ready: ${job.outPath}`;
  if (job.state === 'failed') return null;
  if (job.state === 'cancelled') return 'The export was cancelled.';
  return null;
}

/** `<dir>/video-2026-11-25-1930.mp4`, local time, unique per minute and suffixed within one. */
export function defaultExportName(now: Date, preset: ExportPreset): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `video-${stamp}${preset === 'landscape' ? '' : `-${preset}`}.mp4`;
}
