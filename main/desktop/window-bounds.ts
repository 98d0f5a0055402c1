/** Where the window reopens: its last bounds if they still fall on a connected display, else a default size. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 760, height: 560 };
/** A window is kept where it was only if at least this much of it is on some display. */
const MIN_VISIBLE = { width: 160, height: 120 };

function isBounds(value: unknown): value is Bounds {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof v[k] === 'number' && Number.isFinite(v[k]));
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Saved bounds (unknown: read from the store) checked against the displays' work areas. */
export function restoreBounds(saved: unknown, workAreas: Bounds[]): Partial<Bounds> & { width: number; height: number } {
  if (!isBounds(saved)) return { ...DEFAULT_SIZE };
  const width = Math.max(saved.width, MIN_SIZE.width);
  const height = Math.max(saved.height, MIN_SIZE.height);
  const candidate = { x: saved.x, y: saved.y, width, height };
  const visible = workAreas.some((area) => {
    const o = overlap(candidate, area);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  // Off every display (a monitor was unplugged): keep the size, let Electron centre it.
  return visible ? candidate : { width, height };
}

export function sameBounds(a: Bounds | undefined, b: Bounds): boolean {
  return a !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** Calls `save` once things have been quiet for `ms`, skipping writes that would not change anything. */
export function debouncedBoundsSaver(save: (b: Bounds) => void, ms: number, initial?: Bounds) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = initial;
  let latest: Bounds | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (latest && !sameBounds(last, latest)) {
      last = latest;
      save(latest);
    }
  };
  return {
    update(bounds: Bounds) {
      latest = bounds;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, ms);
    },
    flush,
  };
}
