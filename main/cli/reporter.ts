/**
 * Progress on stderr. In a terminal a progress line rewrites itself; when stderr is a pipe or a file, every
 * update is a plain line (and percentages are thinned to every 10 %), so logs stay readable.
 */
export interface Reporter {
  /** A line of its own (chat text, a step done). */
  line(text: string): void;
  /** `label: 42%`; the same label updates in place on a TTY. */
  progress(label: string, percent: number): void;
  /** Ends an in-place progress line, if one is open. */
  done(): void;
}

export interface ReporterStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function createReporter(stream: ReporterStream): Reporter {
  const tty = stream.isTTY === true;
  let openLabel: string | null = null;
  const lastPlain = new Map<string, number>();
  const closeOpen = (): void => {
    if (openLabel !== null) stream.write('\n');
    openLabel = null;
  };
  return {
    line(text) {
      closeOpen();
      stream.write(`${text}\n`);
    },
    progress(label, percent) {
      const pct = Math.max(0, Math.min(100, Math.floor(percent)));
      if (tty) {
        if (openLabel !== null && openLabel !== label) stream.write('\n');
        openLabel = label;
        stream.write(`\r\x1b[2K${label}: ${pct}%`);
        return;
      }
      const previous = lastPlain.get(label);
      const step = Math.floor(pct / 10);
      if (previous !== undefined && Math.floor(previous / 10) === step && pct !== 100) return;
      if (previous === pct) return;
      lastPlain.set(label, pct);
      stream.write(`${label}: ${pct}%\n`);
    },
    done: closeOpen,
  };
}
