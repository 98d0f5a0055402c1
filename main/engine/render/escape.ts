/**
 * Escaping for values inside an ffmpeg filter graph. A value is parsed twice: first by the graph parser (which
 * splits on `[ ] , ;` and whitespace), then by the filter's option parser (which splits on `:`). Both honour
 * backslash escapes, so each level gets its own backslashes (ffmpeg-filters(1) "Notes on filtergraph escaping").
 */

/** Level 2: one filter option value (`key=value:key=value`). */
export function escapeOptionValue(value: string): string {
  // The option parser trims whitespace at both ends unless it is escaped.
  return value.replace(/[\\':]|^\s|\s$/g, (c) => `\\${c}`);
}

/** Level 1: text inside a filter's argument string within the whole graph. */
export function escapeGraphText(value: string): string {
  return value.replace(/[\\'[\],;\s]/g, (c) => `\\${c}`);
}

/** A value safe to put after `key=` in a filter graph, whatever characters it holds. */
export function filterValue(value: string): string {
  return escapeGraphText(escapeOptionValue(value));
}

/** Seconds with at most millisecond precision and no trailing zeros ("2.5", "0.8", "12"). */
export function sec(ms: number): string {
  return String(Math.round(ms) / 1000);
}
