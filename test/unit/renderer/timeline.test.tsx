// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { layoutTimeline, tickStep } from '../../../renderer/features/timeline/layout';
import { createFakeHost, makeSnapshot, renderApp } from './fakeHost';

afterEach(cleanup);

const draft = {
  d: 20000,
  m: { width: 1920, height: 1080, fps: 30 },
  t: [
    { id: 'v1', tt: 0, sg: [
      { id: 's1', s: 0, d: 12000, m: { src: 'med_1', name: 'beach.mp4', in: 0 } },
      { id: 's2', s: 11200, d: 8800, m: { src: 'med_2', name: 'logo.png', tr: { type: 'fade', d: 800 } } },
    ] },
    { id: 'a1', tt: 1, sg: [{ id: 's9', s: 0, d: 20000, m: { src: 'med_9', name: 'music.mp3', vol: 0.35, fadeOut: 2000 } }] },
    { id: 'x1', tt: 7, sg: [
      { id: 's10', s: 0, d: 3000, m: { text: 'Spring Sale', pos: 'center', role: 'title' } },
      { id: 's11', s: 1000, d: 4000, m: { text: 'Up to 50% off', pos: 'bottom', role: 'overlay' } },
    ] },
  ],
};

describe('layoutTimeline', () => {
  it('places segments to scale and marks transitions and changes', () => {
    const layout = layoutTimeline(draft, ['s2']);
    expect(layout.durationMs).toBe(20000);
    expect(layout.rows.map((row) => row.kind)).toEqual(['video', 'audio', 'title']);
    const [first, second] = layout.rows[0]!.segments;
    expect(first).toMatchObject({ left: 0, width: 60, lane: 0, changed: false, transition: undefined });
    expect(second).toMatchObject({ lane: 0, changed: true, transition: { type: 'fade', durationMs: 800 } });
    expect(second!.left).toBeCloseTo(56);
    expect(second!.width).toBeCloseTo(44);
    expect(layout.rows[1]!.segments[0]!.volume).toBe(35);
  });

  it('stacks overlapping text in lanes but keeps a transition overlap in one lane', () => {
    const layout = layoutTimeline(draft, []);
    expect(layout.rows[0]!.lanes).toBe(1);
    expect(layout.rows[2]!.lanes).toBe(2);
    expect(layout.rows[2]!.segments.map((s) => s.lane)).toEqual([0, 1]);
  });

  it('reads anything without throwing and picks readable ticks', () => {
    expect(layoutTimeline('nonsense', []).rows).toEqual([]);
    expect(layoutTimeline(null, []).durationMs).toBe(1);
    expect(tickStep(60_000)).toBe(5000);
    expect(tickStep(8000)).toBe(1000);
  });
});

describe('timeline panel', () => {
  const timeline = { draft, summary: 'Timeline (3 tracks): 1. Video: beach.mp4 (0-12s), logo.png (11.2-20s)', changes: [], changedIds: ['s2'], canUndo: true, canRedo: false };

  it('has exactly one listitem per segment, with label, times, volume and text', async () => {
    const host = createFakeHost(makeSnapshot({ timeline }));
    await renderApp(host);
    const region = screen.getByRole('region', { name: 'Timeline' });
    const items = within(region).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[0]!.getAttribute('aria-label')).toBe('beach.mp4, 0 to 12 seconds');
    expect(within(region).getByText('35%')).toBeTruthy();
    expect(within(region).getByText('“Spring Sale”')).toBeTruthy();
    expect(within(region).getByText(timeline.summary)).toBeTruthy();
    expect(within(region).getAllByRole('list')).toHaveLength(3);
  });

  it('highlights what the last message changed and marks the transition', async () => {
    const host = createFakeHost(makeSnapshot({ timeline }));
    await renderApp(host);
    const region = screen.getByRole('region', { name: 'Timeline' });
    const changed = region.querySelectorAll('[role="listitem"][data-changed="true"]');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.getAttribute('aria-label')).toContain('logo.png');
    expect(within(region).getByRole('img', { name: 'fade transition, 0.8 s' })).toBeTruthy();
  });

  it('updates live and undoes and redoes through the bridge', async () => {
    const host = createFakeHost(makeSnapshot({ timeline }));
    await renderApp(host);
    const region = screen.getByRole('region', { name: 'Timeline' });
    expect((within(region).getByRole('button', { name: 'Redo' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => { fireEvent.click(within(region).getByRole('button', { name: 'Undo' })); });
    expect(host.callsOf('timeline.undo')).toHaveLength(1);
    host.emit('timeline', { ...timeline, draft: { d: 5000, t: [{ tt: 0, sg: [{ s: 0, d: 5000, m: { name: 'only.mp4' } }] }] }, canRedo: true, changedIds: [] });
    expect(within(region).getAllByRole('listitem')).toHaveLength(1);
    await act(async () => { fireEvent.click(within(region).getByRole('button', { name: 'Redo' })); });
    expect(host.callsOf('timeline.redo')).toHaveLength(1);
  });

  it('shows a friendly empty state and no listitems for an empty draft', async () => {
    const host = createFakeHost(makeSnapshot());
    await renderApp(host);
    const region = screen.getByRole('region', { name: 'Timeline' });
    expect(within(region).queryAllByRole('listitem')).toHaveLength(0);
    expect(within(region).getByText('Your timeline is empty')).toBeTruthy();
  });
});
