/**
 * Reads a `text/event-stream` body into `data` payloads (protocol.md §4.1) with eventsource-parser.
 * Comments (`:` lines) are reported separately because they are keep-alives, not events.
 */
import { createParser } from 'eventsource-parser';

export interface SseSink {
  /** One dispatched event's `data` (multi-line data already joined with `\n`). */
  onData(data: string): void;
  /** An SSE comment line: a keep-alive. */
  onComment(): void;
}

/** Stops iterating as soon as `signal` aborts, even if the body iterator itself ignores the signal. */
async function nextOrAbort<T>(iterator: AsyncIterator<T>, signal: AbortSignal | undefined): Promise<IteratorResult<T>> {
  if (!signal) return iterator.next();
  if (signal.aborted) throw signal.reason;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([iterator.next(), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Feeds the whole body through the parser. Resolves on a clean end of the body; rejects with the body's
 * error on a drop, or with `signal.reason` when aborted.
 */
export async function readSse(body: AsyncIterable<Uint8Array>, sink: SseSink, signal?: AbortSignal): Promise<void> {
  const parser = createParser({ onEvent: (event) => sink.onData(event.data), onComment: () => sink.onComment() });
  const decoder = new TextDecoder();
  const iterator = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await nextOrAbort(iterator, signal);
      if (step.done) break;
      parser.feed(decoder.decode(step.value, { stream: true }));
    }
    // A last event without its blank line still counts: the server closing the connection ends it.
    parser.feed(decoder.decode() + '\n\n');
  } catch (err) {
    // Release the socket; ignore errors from a body that is already broken.
    await iterator.return?.().catch(() => undefined);
    throw err;
  }
}
