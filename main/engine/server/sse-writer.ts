/**
 * An open text/event-stream response: headers are flushed at once (the first event must reach the client in
 * well under 100 ms), Nagle is off, and a keep-alive is written on a timer until the run ends.
 */
import type { ServerResponse } from 'node:http';
import { HEARTBEAT_LINE, sseLine } from './adk-events';

export class SseWriter {
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly res: ServerResponse) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.flushHeaders();
    res.on('close', () => {
      this.closed = true;
      this.stopHeartbeat();
    });
  }

  get isClosed(): boolean {
    return this.closed || this.res.writableEnded;
  }

  send(payload: unknown): void {
    if (!this.isClosed) this.res.write(sseLine(payload));
  }

  startHeartbeat(intervalMs: number): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      if (!this.isClosed) this.res.write(HEARTBEAT_LINE);
    }, intervalMs);
  }

  stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** End of run = the server closes the stream (§4.1: there is no done event). */
  end(): void {
    this.stopHeartbeat();
    if (!this.isClosed) this.res.end();
  }
}
