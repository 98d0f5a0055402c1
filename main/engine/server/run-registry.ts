/** Which sessions have a /run_sse in flight: a second message while one runs is refused, never queued twice. */
export class RunRegistry {
  private readonly running = new Set<string>();

  tryStart(sessionId: string): boolean {
    if (this.running.has(sessionId)) return false;
    this.running.add(sessionId);
    return true;
  }

  finish(sessionId: string): void {
    this.running.delete(sessionId);
  }
}
