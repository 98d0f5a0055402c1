// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { readFileSync } from 'node:fs';
import { ErrorBoundary } from '../../../renderer/app/ErrorBoundary';
import { createI18n } from '../../../renderer/i18n';
import { RENDERER_CSP } from '../../../shared/csp';
import { createFakeHost, makeSnapshot, renderApp } from './fakeHost';

afterEach(cleanup);

function Broken(): never {
  throw new Error('render fault with internals at Foo.tsx:12');
}

describe('app shell', () => {
  it('shows "Setting things up…" until main answers, then "Connected" and the local credits', async () => {
    const host = createFakeHost(makeSnapshot(), {}, { holdReady: true });
    await renderApp(host);
    expect(screen.getByText('Setting things up…')).toBeTruthy();
    await act(async () => { host.releaseReady(); });
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(screen.getByText('Local engine: free')).toBeTruthy();
  });

  it('shows a connection error with its action', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    host.emit('connection', { state: 'error', backend: 'cloud', error: { code: 'auth.expired', message: 'Your sign-in has expired.', action: { kind: 'reauth', label: 'Sign in again' } } });
    expect(screen.getByText('Connection problem')).toBeTruthy();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Sign in again' })); });
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('shows the cloud balance', async () => {
    const host = createFakeHost(makeSnapshot({ credits: { kind: 'cloud', available: 120, frozen: 5, total: 125 } }));
    await renderApp(host);
    expect(screen.getByText('120 credits')).toBeTruthy();
  });

  it('turns a toast event into a visible notice that can be dismissed', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    host.emit('toast', { level: 'success', message: 'Saved promo.mp4' });
    expect(screen.getByText('Saved promo.mp4')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Saved promo.mp4')).toBeNull();
  });

  it('shows a toast from main in the UI language when it carries a translation key', async () => {
    const host = createFakeHost(makeSnapshot({ settings: { ...makeSnapshot().settings, language: 'zh-CN' } }));
    await renderApp(host, 'zh-CN');
    host.emit('toast', { level: 'success', message: 'Export finished: promo.mp4', key: 'toast.exportFinished', params: { name: 'promo.mp4' } });
    expect(screen.getByText('导出完成：promo.mp4')).toBeTruthy();
    expect(screen.queryByText('Export finished: promo.mp4')).toBeNull();
  });

  it('switches the whole UI to Chinese when the setting says so', async () => {
    const host = createFakeHost(makeSnapshot({ settings: { ...makeSnapshot().settings, language: 'zh-CN' } }));
    await renderApp(host);
    expect(screen.getByLabelText('消息')).toBeTruthy();
    expect(screen.getByRole('button', { name: '发送' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '时间线' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('catches a render fault with a friendly screen and Reload, never the stack', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onReload = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ErrorBoundary onReload={onReload}><Broken /></ErrorBoundary>
      </I18nextProvider>,
    );
    expect(screen.getByText('Something went wrong')).toBeTruthy();
    expect(document.body.textContent).not.toContain('Foo.tsx');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it('ships the strict CSP in index.html, the same policy the hosts send', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
