/**
 * The planner's closed set of timeline operations. One chat message parses into a list of these; applying the
 * list gives one new draft version. Every op is plain JSON, so it can be reported as a tool call's arguments.
 */
import type { FitMode, TextPosition } from '../../../shared/draft';

/** A clip on the video track by its 1-based position, or the last one. Resolved when the op is applied. */
export type ClipRef = number | 'last';
/** One clip, or a group of them. */
export type ClipSet = ClipRef | 'all' | 'images' | 'videos';

/** xfade transition names the renderer understands. */
export const TRANSITION_TYPES = [
  'fade',
  'dissolve',
  'fadeblack',
  'fadewhite',
  'wipeleft',
  'wiperight',
  'wipeup',
  'wipedown',
  'slideleft',
  'slideright',
  'slideup',
  'slidedown',
  'circleopen',
  'circleclose',
  'zoomin',
  'radial',
  'pixelize',
] as const;
export type TransitionType = (typeof TRANSITION_TYPES)[number];

export const DEFAULT_TRANSITION: TransitionType = 'fade';
export const DEFAULT_TRANSITION_MS = 800;
export const DEFAULT_IMAGE_MS = 3000;
export const DEFAULT_TITLE_MS = 3000;
export const DEFAULT_MUSIC_VOLUME = 0.3;
export const DEFAULT_MUSIC_FADE_MS = 2000;

/** The promo recipe's neutral overlay lines, used when the user gave none; a text of the user's may replace them. */
export const PLACEHOLDER_OVERLAYS = { en: ['Discover more', 'Made for you', "Don't miss it"], zh: ['发现更多精彩', '为你而来', '不要错过'] } as const;

export type TextTarget = 'title' | 'overlays' | 'all' | 'last';

export type TrimOp =
  | { op: 'trim_clip'; clip: ClipRef; mode: 'cut_start' | 'cut_end' | 'keep_first' | 'keep_last'; ms: number }
  | { op: 'trim_clip'; clip: ClipRef; mode: 'keep_range'; fromMs: number; toMs: number };

export type Op =
  /** Append media (ids in upload order) to the video track, or insert them at a 1-based position. */
  | { op: 'add_clips'; media: string[]; at?: number }
  | { op: 'remove_clips'; clips: ClipRef[] }
  /** Move one clip so that it ends up at position `to`. */
  | { op: 'move_clip'; clip: ClipRef; to: ClipRef }
  | { op: 'swap_clips'; a: ClipRef; b: ClipRef }
  | { op: 'reverse_clips' }
  /** New order as 1-based positions of the current clips, e.g. [3, 1, 2]. */
  | { op: 'order_clips'; order: number[] }
  | TrimOp
  /** Timeline length of one clip or a group (images are held that long; videos are trimmed at the end). */
  | { op: 'set_duration'; clips: ClipSet; ms: number }
  /** Make the whole video exactly `ms` long (clips keep their pace, images share the rest). */
  | { op: 'fit_total'; ms: number }
  | { op: 'set_speed'; clips: ClipSet; factor: number }
  /** Transition into a clip from the one before it (`all`: every join). */
  | { op: 'set_transition'; into: ClipRef | 'all'; type: TransitionType; ms: number }
  | { op: 'remove_transitions'; into: ClipRef | 'all' }
  /**
   * A title (one per video, replaces the old one) or an overlay. `over` places it over a clip and keeps it there
   * when the layout changes; `atEnd` puts it at the end of the video.
   */
  | {
      op: 'add_text';
      role: 'title' | 'overlay';
      text: string;
      pos: TextPosition;
      startMs?: number;
      ms?: number;
      over?: ClipRef;
      atEnd?: boolean;
    }
  /** Replace every overlay with these texts, spread over the clips after the first (the promo recipe). */
  | { op: 'set_overlays'; texts: string[] }
  | { op: 'edit_text'; target: TextTarget; text?: string; pos?: TextPosition; color?: string }
  | { op: 'remove_text'; target: TextTarget }
  /** Background music over the whole video (replaces any earlier music). */
  | { op: 'add_music'; media: string; vol: number; duck: boolean; fadeInMs?: number; fadeOutMs?: number }
  | { op: 'set_music'; vol?: number; fadeInMs?: number; fadeOutMs?: number; duck?: boolean }
  /** "quieter" / "louder": one step relative to the current level. */
  | { op: 'nudge_music'; dir: 'down' | 'up' }
  | { op: 'remove_music' }
  /** The clips' own sound, 0–1. */
  | { op: 'set_clip_volume'; clips: ClipSet; vol: number }
  | { op: 'set_canvas'; width: number; height: number }
  | { op: 'set_fit'; mode: FitMode; clips: ClipSet }
  /** Slow zoom (Ken Burns) on stills: 0 off. */
  | { op: 'set_zoom'; clips: ClipSet; zoom: number }
  | { op: 'set_project_title'; title: string }
  | { op: 'undo'; steps: number }
  | { op: 'redo'; steps: number };

export type OpName = Op['op'];
export type OpOf<N extends OpName> = Extract<Op, { op: N }>;

/** Aspect ratios people name, and the canvas each one gets. */
export const CANVAS_BY_ASPECT = {
  '16:9': { width: 1920, height: 1080 },
  '9:16': { width: 1080, height: 1920 },
  '1:1': { width: 1080, height: 1080 },
  '4:5': { width: 1080, height: 1350 },
} as const;
export type Aspect = keyof typeof CANVAS_BY_ASPECT;
