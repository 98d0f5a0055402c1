// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { MAX_UPLOAD_BYTES } from '../../../shared/protocol';
import { screenFiles } from '../../../renderer/features/media/screenFiles';
import { peaks } from '../../../renderer/features/media/peaks';
import { createFakeHost, makeSnapshot, renderApp } from './fakeHost';

afterEach(cleanup);

function fileOfSize(name: string, size: number): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

async function pick(files: File[]): Promise<void> {
  const input = screen.getByLabelText('Add media') as HTMLInputElement;
  await act(async () => { fireEvent.change(input, { target: { files } }); });
}

describe('screenFiles', () => {
  it('refuses unknown types and files over the limit, keeps the rest in order', () => {
    const result = screenFiles([
      { name: 'beach.MP4', size: 10 },
      { name: 'notes.txt', size: 10 },
      { name: 'huge.mov', size: MAX_UPLOAD_BYTES + 1 },
      { name: 'logo.png', size: MAX_UPLOAD_BYTES },
    ]);
    expect(result.accepted.map((f) => f.name)).toEqual(['beach.MP4', 'logo.png']);
    expect(result.refused).toEqual([
      { name: 'notes.txt', reason: 'unsupported' },
      { name: 'huge.mov', reason: 'too-large' },
    ]);
  });
});

describe('peaks', () => {
  it('gives the loudest sample of each bucket, scaled to the loudest bucket', () => {
    expect(peaks([0, 0.1, -0.5, 0.25, 0, 0.05], 3)).toEqual([0.2, 1, 0.1]);
    expect(peaks([], 4)).toEqual([]);
  });
});

describe('media panel', () => {
  it('refuses an unsupported file with the reason and never calls media.add', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    await pick([new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    expect(screen.getByText('notes.txt')).toBeTruthy();
    expect(screen.getByText(/this type of file isn’t supported/)).toBeTruthy();
    expect(host.callsOf('media.add')).toHaveLength(0);
    expect(host.stageFiles.staged).toHaveLength(0);
  });

  it('refuses a file over 500 MB before upload', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    await pick([fileOfSize('long.mp4', MAX_UPLOAD_BYTES + 1)]);
    expect(screen.getByText(/larger than 500 MB/)).toBeTruthy();
    expect(host.callsOf('media.add')).toHaveLength(0);
  });

  it('stages the good files of a mixed pick and adds them in one call', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    await pick([new File(['a'], 'a.mp4'), new File(['b'], 'b.exe'), new File(['c'], 'song.mp3')]);
    expect(host.callsOf('media.add')).toEqual([{ paths: ['/staged/a.mp4', '/staged/song.mp3'] }]);
    expect(screen.getByText('b.exe')).toBeTruthy();
  });

  it('shows upload progress per file and cancels one', async () => {
    const host = createFakeHost(makeSnapshot({
      media: [{ id: 'm1', name: 'beach.mp4', kind: 'video', size: 1000, state: 'uploading', loaded: 250 }],
    }));
    await renderApp(host);
    expect(screen.getByRole('progressbar', { name: 'beach.mp4' }).getAttribute('aria-valuenow')).toBe('25');
    host.emit('media.item', { id: 'm1', name: 'beach.mp4', kind: 'video', size: 1000, state: 'uploading', loaded: 600 });
    expect(screen.getByText('Uploading 60%')).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Cancel upload of beach.mp4' })); });
    expect(host.callsOf('media.cancel')).toEqual([{ id: 'm1' }]);
  });

  it('draws an image thumbnail from its preview URL', async () => {
    const host = createFakeHost(makeSnapshot({
      media: [{ id: 'm2', name: 'logo.png', kind: 'image', size: 10, state: 'ready', loaded: 10, width: 640, height: 360, previewUrl: 'media://m2' }],
    }));
    const { container } = await renderApp(host);
    expect(container.querySelector('.thumb img')?.getAttribute('src')).toBe('media://m2');
    expect(screen.getByText(/640×360/)).toBeTruthy();
  });
});
