/** Native notifications when an export finishes or fails (Electron's Notification is injected for tests). */
import path from 'node:path';
import type { NotificationConstructorOptions } from 'electron';
import type { ExportTransition } from './export-watch';

export interface ExportNotice {
  options: NotificationConstructorOptions;
  /** What each action button does, by index; `click` is the body. */
  actions: Array<'open' | 'reveal'>;
  click: 'reveal' | 'show';
}

export function exportNotice(transition: NonNullable<ExportTransition>, canReveal = true): ExportNotice {
  const name = path.basename(transition.job.outPath);
  if (transition.kind === 'done') {
    const actions: Array<'open' | 'reveal'> = canReveal ? ['open', 'reveal'] : ['open'];
    return {
      options: {
        title: 'Export finished',
        body: `${name} is ready.`,
        actions: actions.map((a) => ({ type: 'button' as const, text: a === 'open' ? 'Open' : 'Show in folder' })),
      },
      actions,
      click: canReveal ? 'reveal' : 'show',
    };
  }
  const reason = transition.job.error?.message ?? 'The export did not complete.';
  return { options: { title: 'Export failed', body: `${name}: ${reason}` }, actions: [], click: 'show' };
}

export interface NotificationLike {
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface NoticeHandlers {
  open(file: string): void;
  reveal(file: string): void;
  showWindow(): void;
}

export function showExportNotice(
  transition: NonNullable<ExportTransition>,
  create: (options: NotificationConstructorOptions) => NotificationLike,
  handlers: NoticeHandlers,
): NotificationLike {
  const notice = exportNotice(transition);
  const file = transition.job.outPath;
  const run = (what: 'open' | 'reveal' | 'show') => {
    if (what === 'open') handlers.open(file);
    else if (what === 'reveal') handlers.reveal(file);
    else handlers.showWindow();
  };
  const notification = create(notice.options);
  notification.on('action', (_event, index) => {
    const action = notice.actions[index];
    if (action) run(action);
  });
  notification.on('click', () => run(notice.click));
  notification.show();
  return notification;
}
