import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../../main/core/secret-store';
import { createConfStore, createMemoryStore, defaultHome } from '../../../main/core/storage';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vb-store-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('conf store', () => {
  it('writes config.json with mode 0600 in a 0700 folder, also after later writes', async () => {
    const home = path.join(dir, 'home');
    const store = createConfStore(home);
    store.set('a', 1);
    const file = path.join(home, 'config.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    store.set('b', { nested: [1, 2] });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('persists across instances; keys with dots are literal; delete and set(undefined) remove', async () => {
    const first = createConfStore(dir);
    first.set('sessions', { 'http://127.0.0.1:1 p': { session_id: '1' } });
    first.set('auth.clientId', 'abc');
    first.set('gone', 1);
    first.set('gone2', 2);
    first.delete('gone');
    first.set('gone2', undefined);
    const second = createConfStore(dir);
    expect(second.get('auth.clientId')).toBe('abc');
    expect(second.get('auth')).toBeUndefined();
    expect(second.get('sessions')).toEqual({ 'http://127.0.0.1:1 p': { session_id: '1' } });
    expect(second.get('gone')).toBeUndefined();
    expect(second.get('gone2')).toBeUndefined();
    expect(JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8'))).toHaveProperty(['auth.clientId'], 'abc');
  });

  it('the token in the file secret store lives in the 0600 file', async () => {
    const store = createConfStore(dir);
    const secrets = createFileSecretStore(store);
    expect(secrets.protection()).toBe('file-mode');
    expect(await secrets.getToken()).toBeUndefined();
    await secrets.setToken('nmv_usr_abc');
    expect(await createFileSecretStore(createConfStore(dir)).getToken()).toBe('nmv_usr_abc');
    await secrets.setToken(undefined);
    expect(await secrets.getToken()).toBeUndefined();
  });
});

describe('defaultHome', () => {
  it('prefers VIDEO_BUILDER_HOME, else the OS config folder', () => {
    expect(defaultHome({ VIDEO_BUILDER_HOME: '/tmp/vbh' }, 'linux')).toBe('/tmp/vbh');
    expect(defaultHome({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/video-builder');
    expect(defaultHome({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'video-builder'));
    expect(defaultHome({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Preferences', 'video-builder'));
    expect(defaultHome({ APPDATA: 'C:\\AppData' }, 'win32')).toBe(path.join('C:\\AppData', 'video-builder', 'Config'));
  });
});

describe('memory store', () => {
  it('hands out copies, like a file would', () => {
    const store = createMemoryStore({ list: [1] });
    const list = store.get<number[]>('list');
    list?.push(2);
    expect(store.get('list')).toEqual([1]);
    store.delete('list');
    expect(store.get('list')).toBeUndefined();
  });
});
