// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { ExportJob } from '../../../shared/bridge';
import { createFakeHost, makeSnapshot, renderApp } from './fakeHost';

afterEach(cleanup);

const exportable = { draft: { d: 5000, t: [{ tt: 0, sg: [{ id: 's1', s: 0, d: 5000, m: { name: 'a.mp4' } }] }] }, summary: 's', changes: [], changedIds: [], canUndo: false, canRedo: false };
const running: ExportJob = { id: 'j1', preset: 'vertical', outPath: '/home/ann/Videos/promo.mp4', state: 'rendering', progress: 42, queuePosition: 0, createdAt: Date.now() - 5000 };

describe('export', () => {
  it('exports with the chosen preset and shows the save folder', async () => {
    const host = createFakeHost(makeSnapshot({ timeline: exportable }));
    await renderApp(host);
    expect(screen.getByText('/home/ann/Videos')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Square 1:1/));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Export' })); });
    expect(host.callsOf('export.start')).toEqual([{ preset: 'square' }]);
  });

  it('keeps Export disabled until the timeline has something in it', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    expect((screen.getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Add media and describe your video first.')).toBeTruthy();
  });

  it('shows progress as a progressbar with percent, elapsed time and Cancel', async () => {
    const host = createFakeHost(makeSnapshot({ timeline: exportable, exports: [{ ...running, createdAt: Date.now() - 5000 }] }));
    await renderApp(host);
    const bar = screen.getByRole('progressbar', { name: 'Export progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(screen.getByText('42%')).toBeTruthy();
    expect(screen.getByText(/^0:0[5-8] elapsed$/)).toBeTruthy();
    host.emit('export.job', { ...running, state: 'queued', progress: 0, queuePosition: 2 });
    expect(screen.getByText('Position 2 in the queue')).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Cancel' })); });
    expect(host.callsOf('export.cancel')).toEqual([{ id: 'j1' }]);
  });

  it('when done: player, Open and Show in folder on the desktop', async () => {
    const host = createFakeHost(makeSnapshot({ timeline: exportable, exports: [running] }));
    const { container } = await renderApp(host);
    host.emit('export.job', { ...running, state: 'done', progress: 100, finishedAt: running.createdAt + 65_000, previewUrl: 'media://out/j1' });
    expect(screen.queryByRole('progressbar', { name: 'Export progress' })).toBeNull();
    expect(container.querySelector('video.job__player')?.getAttribute('src')).toBe('media://out/j1');
    expect(screen.getByText('Took 1:05')).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Open' })); });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Show in folder' })); });
    expect(host.callsOf('export.open')).toEqual([{ id: 'j1' }]);
    expect(host.callsOf('export.reveal')).toEqual([{ id: 'j1' }]);
  });

  it('in browser mode Open is a link to the video and there is no Show in folder', async () => {
    const done: ExportJob = { ...running, state: 'done', progress: 100, previewUrl: 'http://127.0.0.1:4390/exports/j1?secret=s' };
    const host = createFakeHost(makeSnapshot({ timeline: exportable, exports: [done], host: { kind: 'browser', canReveal: false, canPickFiles: false } }));
    await renderApp(host);
    expect(screen.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(done.previewUrl);
    expect(screen.queryByRole('button', { name: 'Show in folder' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change…' })).toBeNull();
  });

  it('changes the output folder through the host picker', async () => {
    const host = createFakeHost(makeSnapshot({ timeline: exportable }), {
      'export.pickFolder': async () => ({ path: '/media/usb' }),
    });
    await renderApp(host);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Change…' })); });
    expect(host.callsOf('settings.update')).toEqual([{ outputDir: '/media/usb' }]);
  });

  it('offers to try a failed export again with the same preset', async () => {
    const failed: ExportJob = { ...running, state: 'failed', error: { code: 'disk.full', message: 'Your disk is full. Free some space and try again.' } };
    const host = createFakeHost(makeSnapshot({ timeline: exportable, exports: [failed] }));
    await renderApp(host);
    expect(screen.getByRole('alert').textContent).toContain('Your disk is full.');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Try again' })); });
    expect(host.callsOf('export.start')).toEqual([{ preset: 'vertical' }]);
  });
});
