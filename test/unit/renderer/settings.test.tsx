// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { buildPatch, formFrom } from '../../../renderer/features/settings/buildPatch';
import { createFakeHost, makeSnapshot, renderApp } from './fakeHost';

afterEach(cleanup);

const settings = makeSnapshot().settings;

describe('buildPatch', () => {
  it('sends only what changed, and the token only when typed or removed', () => {
    expect(buildPatch(settings, formFrom(settings))).toEqual({ ok: true, patch: {} });
    expect(buildPatch(settings, { ...formFrom(settings), backend: 'cloud', token: ' nmv_usr_abc ' })).toEqual({ ok: true, patch: { backend: 'cloud', token: 'nmv_usr_abc' } });
    expect(buildPatch({ ...settings, hasToken: true }, { ...formFrom(settings), removeToken: true })).toEqual({ ok: true, patch: { token: '' } });
    expect(buildPatch(settings, { ...formFrom(settings), apiUrl: 'not a url' })).toEqual({ ok: false, field: 'apiUrl' });
  });
});

describe('settings dialog', () => {
  it('opens from the header, saves the language, and never shows a stored token', async () => {
    const stored = { ...settings, backend: 'cloud' as const, hasToken: true, tokenProtected: false };
    const host = createFakeHost(makeSnapshot({ settings: stored }), {
      'settings.update': async (patch) => ({ ...stored, language: patch.language ?? stored.language }),
    });
    await renderApp(host);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByText('Token stored')).toBeTruthy();
    expect((screen.getByLabelText('Access token (optional)') as HTMLInputElement).type).toBe('password');
    expect((screen.getByLabelText('Access token (optional)') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/saved without encryption/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Save' })); });
    expect(host.callsOf('settings.update')).toEqual([{ language: 'zh-CN' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: '发送' })).toBeTruthy();
  });

  it('closes on Escape without saving', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.callsOf('settings.update')).toHaveLength(0);
  });
});
