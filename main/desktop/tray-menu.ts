/** The tray's menu and tooltip as plain data (tray.ts turns it into an Electron Menu). */
import path from 'node:path';
import type { ExportJob } from '../../shared/bridge';

export interface TrayItem {
  label: string;
  enabled?: boolean;
  action?: 'show' | 'quit';
  separator?: boolean;
}

export function exportLabel(job: ExportJob): string {
  const name = path.basename(job.outPath);
  if (job.state === 'queued' && job.queuePosition) return `${name} — waiting (${job.queuePosition} ahead)`;
  if (job.state === 'submitting') return `${name} — starting…`;
  if (job.state === 'downloading') return `${name} — saving ${Math.round(job.progress)}%`;
  return `${name} — ${Math.round(job.progress)}%`;
}

export function trayMenuItems(running: ExportJob[]): TrayItem[] {
  const exports: TrayItem[] =
    running.length === 0
      ? [{ label: 'No exports running', enabled: false }]
      : running.map((job) => ({ label: `Exporting ${exportLabel(job)}`, enabled: false }));
  return [...exports, { label: '', separator: true }, { label: 'Show window', action: 'show' }, { label: 'Quit', action: 'quit' }];
}

export function trayTooltip(running: ExportJob[]): string {
  if (running.length === 0) return 'Video Builder';
  if (running.length === 1) return `Video Builder — exporting ${exportLabel(running[0]!)}`;
  return `Video Builder — ${running.length} exports running`;
}
