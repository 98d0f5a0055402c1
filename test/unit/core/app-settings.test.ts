import { describe, expect, it } from 'vitest';
import { applySettingsPatch, loadSettings, saveSettings } from '../../../main/core/app-settings';
import { rehomeLocalSessions } from '../../../main/core/backend';
import { createMemoryStore } from '../../../main/core/storage';
import { buildTimeline, nextUndoDepth } from '../../../main/core/app-timeline';
import { connectionDetail, creditsReply, creditsView, defaultExportName } from '../../../main/core/app-replies';

describe('settings', () => {
  it('defaults to the local engine, NEMO_API_URL and the default output folder', () => {
    const store = createMemoryStore();
    expect(loadSettings(store, { outputDir: '/videos', env: { NEMO_API_URL: 'http://127.0.0.1:9' } })).toEqual({
      backend: 'local',
      apiUrl: 'http://127.0.0.1:9',
      language: 'en',
      outputDir: '/videos',
    });
  });
  it('keeps what was saved, and tolerates junk', () => {
    const store = createMemoryStore();
    saveSettings(store, { backend: 'cloud', apiUrl: 'https://example.test', language: 'zh-CN', outputDir: '/out' });
    expect(loadSettings(store, { outputDir: '/videos', env: { NEMO_API_URL: 'http://ignored' } })).toMatchObject({ backend: 'cloud', apiUrl: 'https://example.test', language: 'zh-CN', outputDir: '/out' });
    expect(loadSettings(createMemoryStore({ settings: { backend: 'mars', language: 42 } }), { outputDir: '/v' })).toMatchObject({ backend: 'local', language: 'en' });
  });
  it('reconnects when the backend changes, or the cloud URL while on the cloud', () => {
    const base = { backend: 'local' as const, apiUrl: 'https://a.test', language: 'en' as const, outputDir: '/o' };
    expect(applySettingsPatch(base, { backend: 'cloud' }).reconnect).toBe(true);
    expect(applySettingsPatch(base, { apiUrl: 'https://b.test/' })).toEqual({ next: { ...base, apiUrl: 'https://b.test' }, reconnect: false });
    expect(applySettingsPatch({ ...base, backend: 'cloud' }, { apiUrl: 'https://b.test' }).reconnect).toBe(true);
    expect(applySettingsPatch(base, { language: 'zh-CN', outputDir: '/x' }).reconnect).toBe(false);
  });
});

describe('local sessions follow the engine to its new port', () => {
  it('re-keys loopback sessions and leaves the cloud ones alone', () => {
    const store = createMemoryStore({ sessions: { 'http://127.0.0.1:40001 default': { session_id: '1' }, 'https://cloud.test default': { session_id: '2' } } });
    rehomeLocalSessions(store, 'http://127.0.0.1:50002');
    expect(store.get('sessions')).toEqual({ 'http://127.0.0.1:50002 default': { session_id: '1' }, 'https://cloud.test default': { session_id: '2' } });
  });
});

describe('timeline and replies', () => {
  it('uses the engine history when present, else our own count', () => {
    const state = { state: { video_infos: [], draft: { t: [] }, draft_history: { index: 2, versions: 3 } } };
    expect(buildTimeline(state, { sentences: [], changedIds: [] }, { undo: 0, redo: 5 })).toMatchObject({ canUndo: true, canRedo: false });
    expect(buildTimeline({ state: { video_infos: [], draft: {} } }, { sentences: ['x'], changedIds: ['s'] }, { undo: 1, redo: 0 })).toMatchObject({ canUndo: true, canRedo: false, changes: ['x'] });
    expect(nextUndoDepth({ undo: 2, redo: 0 }, 'undo', true)).toEqual({ undo: 1, redo: 1 });
    expect(nextUndoDepth({ undo: 1, redo: 1 }, 'edit', true)).toEqual({ undo: 2, redo: 0 });
    expect(nextUndoDepth({ undo: 1, redo: 1 }, 'undo', false)).toEqual({ undo: 1, redo: 1 });
  });
  it('words the credits and the connection', () => {
    expect(connectionDetail(creditsView('local', undefined))).toBe('Local engine: free');
    expect(connectionDetail(creditsView('cloud', { available: 25000, frozen: 40 }))).toBe('NemoVideo cloud: 25,000 credits');
    expect(creditsReply(creditsView('cloud', { available: 10, frozen: 5 }))).toBe('You have 10 credits available (5 more are reserved for work in progress). Exporting is free.');
    expect(defaultExportName(new Date(2026, 10, 25, 9, 5, 7), 'vertical')).toBe('video-2026-11-25-090507-vertical.mp4');
  });
});
