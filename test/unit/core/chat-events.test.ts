import { describe, expect, it } from 'vitest';
import { classifyPayload, isTemporaryIssueNoise, workingKey, workingLabel } from '../../../main/core/chat-events';
import { ChatTranscript } from '../../../main/core/chat-transcript';

const event = (parts: unknown[], extra: Record<string, unknown> = {}): string => JSON.stringify({ author: 'nemo_agent', content: { role: 'model', parts }, ...extra });

describe('classifyPayload', () => {
  it.each([
    ['', [{ kind: 'keep-alive' }]],
    ['   ', [{ kind: 'keep-alive' }]],
    ['heartbeat', [{ kind: 'keep-alive' }]],
    ['{"type":"heartbeat"}', [{ kind: 'keep-alive' }]],
    ['not json at all', [{ kind: 'ignored' }]],
    ['{"unrelated":true}', [{ kind: 'ignored' }]],
    ['{"error": "it broke"}', [{ kind: 'stream-error', message: 'it broke' }]],
    ['{"error": "tool "x" failed"}', [{ kind: 'stream-error', message: 'tool "x" failed' }]],
    ['{"errorCode":"SAFETY","errorMessage":"blocked"}', [{ kind: 'model-error', code: 'SAFETY', message: 'blocked' }]],
    [event([{ text: 'Hello' }]), [{ kind: 'text', text: 'Hello', partial: false }]],
    [event([{ text: 'Hel' }], { partial: true }), [{ kind: 'text', text: 'Hel', partial: true }]],
    [event([{ text: 'thinking…', thought: true }]), [{ kind: 'ignored' }]],
    [event([{ functionCall: { name: 'edit_multitrack', args: {} } }]), [{ kind: 'tool', name: 'edit_multitrack' }]],
    [event([{ functionResponse: { name: 'edit_multitrack', response: {} } }]), [{ kind: 'ignored' }]],
    [JSON.stringify({ author: 'user', content: { role: 'user', parts: [{ text: 'my own words' }] } }), [{ kind: 'ignored' }]],
    [JSON.stringify({ author: 'system', content: { role: 'model', parts: [{ text: 'Error: quota exceeded' }] } }), [{ kind: 'stream-error', message: 'quota exceeded' }]],
    [event([{ text: 'First' }, { functionCall: { name: 'trim_clip' } }]), [{ kind: 'text', text: 'First', partial: false }, { kind: 'tool', name: 'trim_clip' }]],
  ])('%s', (raw, expected) => {
    expect(classifyPayload(raw)).toEqual(expected);
  });
});

describe('workingLabel and noise', () => {
  it('names the kind of work from the tool name', () => {
    expect(workingLabel('generate_video_with_seedance')).toBe('Working: generating a video clip…');
    expect(workingLabel('suno_generate_music')).toBe('Working: making music…');
    expect(workingLabel('edit_multitrack')).toBe('Working: editing the timeline…');
    expect(workingLabel('understand_video')).toBe('Working: looking at your media…');
    expect(workingLabel('add_transition')).toBe('Working: add transition…');
  });
  it('recognises the backend noise only at the start of a text', () => {
    expect(isTemporaryIssueNoise('I encountered a temporary issue. Please retry.')).toBe(true);
    expect(isTemporaryIssueNoise('Earlier I encountered a temporary issue')).toBe(false);
  });
});

describe('ChatTranscript', () => {
  it('starts a new message after a tool call and keeps one working line per run', () => {
    const t = new ChatTranscript('r1', 0);
    t.addText('Sure.', false);
    t.addTool('edit_multitrack');
    const afterSecondTool = t.addTool('trim_clip');
    const last = t.addText('Done.', false);
    const final = t.finish();
    expect(afterSecondTool.map((e) => [e.id, e.text])).toEqual([['r1-w2', 'Working: trim clip…']]);
    expect(last[0]?.id).not.toBe('r1-a1');
    expect(final.map((e) => [e.role, e.text, e.pending])).toEqual([
      ['assistant', 'Done.', false],
      ['working', 'Working: trim clip…', false],
    ]);
    expect(t.hasVisibleText).toBe(true);
  });

  it('shows held noise when a normal event follows it', () => {
    const t = new ChatTranscript('r2', 0);
    t.addText('Working on it.', false);
    expect(t.addText('I encountered a temporary issue.', false)).toEqual([]);
    const shown = t.addText('All done.', false);
    expect(shown.at(-1)?.text).toBe('Working on it.\n\nI encountered a temporary issue.\n\nAll done.');
  });
});

describe('workingKey', () => {
  it('gives the renderer a translation key for each kind of working line', () => {
    expect(workingKey('edit_multitrack')).toEqual({ key: 'chat.workingTimeline' });
    expect(workingKey('generate_video_with_seedance')).toEqual({ key: 'chat.workingVideo' });
    expect(workingKey('add_transition')).toEqual({ key: 'chat.workingNamed', params: { what: 'add transition' } });
  });
});
