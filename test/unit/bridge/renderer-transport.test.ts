import { describe, expect, it } from 'vitest';
import type { BridgeApi } from '../../../shared/bridge';
import { AppError } from '../../../shared/errors';
import { asAppError, wrapDesktopBridge, type DesktopBridgeApi } from '../../../renderer/bridge/desktop';
import { bridgeSocketUrl, resolveWebSecret, withoutSecret } from '../../../renderer/bridge/secret';
import { pathsFromDesktop } from '../../../renderer/bridge/stage';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('web secret', () => {
  it('takes the secret from the URL, remembers it, and falls back to it after a refresh', () => {
    const storage = memoryStorage();
    expect(resolveWebSecret('?secret=abc123', storage)).toBe('abc123');
    expect(resolveWebSecret('', storage)).toBe('abc123');
    expect(resolveWebSecret('?secret=new', storage)).toBe('new');
    expect(resolveWebSecret('', memoryStorage())).toBeUndefined();
    expect(resolveWebSecret('?secret=x', undefined)).toBe('x');
  });
  it('strips the secret from the address bar URL and builds the socket URL', () => {
    expect(withoutSecret('http://127.0.0.1:4390/?secret=abc&lang=en#top')).toBe('http://127.0.0.1:4390/?lang=en#top');
    expect(bridgeSocketUrl('http://127.0.0.1:4390/?secret=abc', 'abc', '/bridge')).toBe('ws://127.0.0.1:4390/bridge?secret=abc');
    expect(bridgeSocketUrl('https://host/app/', undefined, '/bridge')).toBe('wss://host/bridge');
  });
});

describe('desktop transport', () => {
  function fakePreload(reject: unknown): DesktopBridgeApi {
    const api = {
      on: () => () => undefined,
      pathForFile: (f: File) => (f.name === 'virtual.txt' ? '' : `/home/u/${f.name}`),
    } as Record<string, unknown>;
    api['chat.send'] = () => Promise.reject(reject);
    api['credits.refresh'] = () => Promise.resolve({ kind: 'local' });
    return api as unknown as DesktopBridgeApi;
  }

  it('turns the preload’s plain { bridgeError } rejection back into an AppError', async () => {
    const bridge: BridgeApi = wrapDesktopBridge(fakePreload({ bridgeError: { code: 'bridge.invalid', message: 'That request was not valid.' } }));
    const err = await bridge['chat.send']({ text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).user.code).toBe('bridge.invalid');
    expect(await bridge['credits.refresh']({})).toEqual({ kind: 'local' });
  });

  it('maps anything else through toUserError, never exposing a stack', () => {
    const e = new Error('x');
    e.stack = 'Error: x\n    at main.js:1';
    const mapped = asAppError(e);
    expect(JSON.stringify(mapped.user)).not.toContain('main.js');
  });

  it('takes file paths from the preload and refuses files that are not on disk', () => {
    const preload = fakePreload(null);
    const progress: Array<[number, number, number]> = [];
    const files = [new File(['ab'], 'a.mp4'), new File(['abc'], 'b.png')];
    expect(pathsFromDesktop(files, preload.pathForFile, (...p) => progress.push(p))).toEqual(['/home/u/a.mp4', '/home/u/b.png']);
    expect(progress).toEqual([
      [0, 2, 2],
      [1, 3, 3],
    ]);
    expect(() => pathsFromDesktop([new File(['x'], 'virtual.txt')], preload.pathForFile)).toThrow(AppError);
  });
});
