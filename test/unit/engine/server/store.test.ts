import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineStore, STORE_FILE } from '../../../../main/engine/store/store';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'vb-store-'));

describe('EngineStore', () => {
  it('creates its folders and a private JSON file, and reads back what it wrote', async () => {
    const dir = tempDir();
    const store = await EngineStore.open(dir);
    expect(readdirSync(dir).sort()).toEqual(['engine.json', 'media', 'renders', 'work']);
    expect(statSync(join(dir, STORE_FILE)).mode & 0o777).toBe(0o600);
    expect(store.nextMediaId()).toBe('med_1');
    expect(store.nextMediaId()).toBe('med_2');
    store.data.clients.c = 'nmv_usr_x';
    await store.flush();
    const again = await EngineStore.open(dir);
    expect(again.data.clients.c).toBe('nmv_usr_x');
    expect(again.nextMediaId()).toBe('med_3');
    expect(again.data.secret).toBe(store.data.secret);
  });

  it('debounces: many changes, one write, after the delay', async () => {
    const dir = tempDir();
    const store = await EngineStore.open(dir, { debounceMs: 30 });
    for (let i = 0; i < 50; i += 1) {
      store.data.clients[`c${i}`] = 't';
      store.changed();
    }
    expect(Object.keys(JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8')).clients)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(Object.keys(JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8')).clients)).toHaveLength(50);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('sets an unreadable file aside and starts fresh instead of refusing to start', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, STORE_FILE), '{"version":1, "half a fi');
    const store = await EngineStore.open(dir);
    expect(store.data.sessions).toEqual({});
    const kept = readdirSync(dir).filter((name) => name.startsWith(`${STORE_FILE}.unreadable-`));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0] ?? ''), 'utf8')).toBe('{"version":1, "half a fi');
  });
});
