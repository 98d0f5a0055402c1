// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, act, within } from '@testing-library/react';
import { createFakeHost, makeSnapshot, renderApp } from './fakeHost';

afterEach(cleanup);

describe('chat', () => {
  it('updates a streamed reply in place when the same entry id comes again', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    host.emit('chat.entry', { id: 'a1', role: 'assistant', text: 'Combining your', pending: true });
    host.emit('chat.entry', { id: 'a1', role: 'assistant', text: 'Combining your clips now.', pending: false });
    const log = screen.getByRole('log');
    expect(within(log).getByText('Combining your clips now.')).toBeTruthy();
    expect(within(log).queryByText('Combining your')).toBeNull();
    expect(log.querySelectorAll('[data-entry-id="a1"]')).toHaveLength(1);
  });

  it('says working lines in the UI language when main gives their key', async () => {
    const host = createFakeHost(makeSnapshot({ settings: { ...makeSnapshot().settings, language: 'zh-CN' } }));
    await renderApp(host, 'zh-CN');
    host.emit('chat.entry', { id: 'w1', role: 'working', text: 'Working: editing the timeline…', key: 'chat.workingTimeline', pending: true });
    host.emit('chat.entry', { id: 'w2', role: 'working', text: '⏳ Still working… (4 min)', key: 'chat.stillWorking', params: { minutes: '4' }, pending: true });
    const log = screen.getByRole('log');
    expect(within(log).getByText('正在处理：编辑时间线…')).toBeTruthy();
    expect(within(log).getByText('⏳ 仍在处理…（4 分钟）')).toBeTruthy();
  });

  it('sends on Enter and keeps Shift+Enter for a new line', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    const box = screen.getByLabelText('Message');
    fireEvent.change(box, { target: { value: 'Add a title "Spring Sale"' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(host.callsOf('chat.send')).toHaveLength(0);
    await act(async () => { fireEvent.keyDown(box, { key: 'Enter' }); });
    expect(host.callsOf('chat.send')).toEqual([{ text: 'Add a title "Spring Sale"' }]);
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('offers suggestions in an empty chat that fill the message box', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    const promo = 'Combine these clips into a 60-second promo video with transitions and text overlays';
    fireEvent.click(screen.getByRole('button', { name: promo }));
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toBe(promo);
    expect(screen.getByRole('button', { name: 'Export 1080p MP4' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add background music' })).toBeTruthy();
  });

  it('hides the suggestions once there is a conversation', async () => {
    const host = createFakeHost(makeSnapshot({ chat: [{ id: 'u1', role: 'user', text: 'hello' }] }));
    await renderApp(host);
    expect(screen.queryByRole('button', { name: 'Add background music' })).toBeNull();
  });

  it('shows a run with elapsed time and cancels it', async () => {
    const startedAt = Date.now() - 65_000;
    const host = createFakeHost(makeSnapshot({ chatBusy: true, chat: [{ id: 'w1', role: 'working', text: 'Adding transitions', pending: true, startedAt }] }));
    await renderApp(host);
    expect(screen.getByText('Working…')).toBeTruthy();
    expect(screen.getByText(/^1:0[5-6]$/)).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Cancel' })); });
    expect(host.callsOf('chat.cancel')).toHaveLength(1);
    host.emit('chat.busy', { busy: false, queued: 0 });
    expect(screen.queryByText('Working…')).toBeNull();
  });

  it('shows an error with its action, and the Register link opens through the bridge', async () => {
    const url = 'https://nemovideo.com/register?bind=anon_1';
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    host.emit('chat.entry', {
      id: 'e1', role: 'error', text: 'out of credits',
      error: { code: 'credits.insufficient', message: "You're out of free credits. Register to get more.", action: { kind: 'link', label: 'Register', url } },
    });
    expect(screen.getByText("You're out of free credits. Register to get more.")).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Register' })); });
    expect(host.callsOf('link.open')).toEqual([{ url }]);
  });

  it('gives the words back when sending fails, and says why in a toast', async () => {
    const host = createFakeHost(makeSnapshot(), {
      'chat.send': async () => { throw { bridgeError: { code: 'network', message: "Can't reach the video service." } }; },
    });
    await renderApp(host);
    const box = screen.getByLabelText('Message') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'make it shorter' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Send' })); });
    expect(box.value).toBe('make it shorter');
    expect(screen.getByRole('alert').textContent).toContain("Can't reach the video service.");
  });
});
