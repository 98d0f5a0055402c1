/**
 * What one agent run shows in the chat, built from classified signals (chat-events.ts). Pure and synchronous:
 * every method returns the entries to emit (a repeated id is an update of that entry).
 */
import type { ChatEntry } from '../../shared/bridge';
import { translateGuiPhrases } from '../../shared/gui-phrases';
import { isTemporaryIssueNoise, workingKey, workingLabel } from './chat-events';

interface OpenText {
  id: string;
  committed: string;
  /** Streamed chunks (`partial: true`) not yet replaced by their final event. */
  partial: string;
}

const join = (a: string, b: string): string => (a && b ? `${a}\n\n${b}` : a || b);

export class ChatTranscript {
  private seq = 0;
  private text: OpenText | null = null;
  private working: ChatEntry | null = null;
  private stillWorking: ChatEntry | null = null;
  private heldNoise: string | null = null;
  private sawNormal = false;
  private shownText = false;

  constructor(
    private readonly runId: string,
    private readonly startedAt: number,
  ) {}

  /** True once any text reached the person (the silent-close rule needs this). */
  get hasVisibleText(): boolean {
    return this.shownText;
  }

  addText(text: string, partial: boolean): ChatEntry[] {
    if (!partial && this.sawNormal && isTemporaryIssueNoise(text)) {
      // Only noise if nothing follows it; held until the next event or dropped at the end.
      this.heldNoise = text;
      return [];
    }
    const out = this.flushNoise();
    this.sawNormal = true;
    this.shownText = true;
    const open = this.text ?? (this.text = { id: this.nextId('a'), committed: '', partial: '' });
    if (partial) open.partial += text;
    else {
      // The final event repeats the whole streamed text: it replaces the chunks, never adds to them.
      open.committed = join(open.committed, text);
      open.partial = '';
    }
    out.push(this.textEntry(open, true));
    return out;
  }

  addTool(name: string): ChatEntry[] {
    const out = this.flushNoise();
    this.sawNormal = true;
    // Text after a tool call is a new message, shown below the working line.
    if (this.text) out.push(this.textEntry(this.text, false));
    this.text = null;
    this.working = { id: this.working?.id ?? this.nextId('w'), role: 'working', text: workingLabel(name), ...workingKey(name), pending: true, startedAt: this.startedAt };
    out.push(this.working);
    return out;
  }

  /** The "⏳ Still working…" line after long stretches of keep-alives only. */
  addStillWorking(elapsedMs: number): ChatEntry[] {
    const minutes = Math.max(1, Math.round(elapsedMs / 60_000));
    this.stillWorking = {
      id: this.stillWorking?.id ?? this.nextId('s'),
      role: 'working',
      text: `⏳ Still working… (${minutes} min)`,
      key: 'chat.stillWorking',
      params: { minutes: String(minutes) },
      pending: true,
      startedAt: this.startedAt,
    };
    return [this.stillWorking];
  }

  /** Closes every open entry; trailing noise is dropped. */
  finish(): ChatEntry[] {
    this.heldNoise = null;
    const out: ChatEntry[] = [];
    if (this.text) out.push(this.textEntry(this.text, false));
    if (this.working) out.push({ ...this.working, pending: false });
    if (this.stillWorking) out.push({ ...this.stillWorking, pending: false });
    this.text = null;
    this.working = null;
    this.stillWorking = null;
    return out;
  }

  private flushNoise(): ChatEntry[] {
    if (this.heldNoise === null) return [];
    const noise = this.heldNoise;
    this.heldNoise = null;
    this.shownText = true;
    if (this.text) {
      this.text.committed = join(this.text.committed, noise);
      return [this.textEntry(this.text, true)];
    }
    this.text = { id: this.nextId('a'), committed: noise, partial: '' };
    return [this.textEntry(this.text, true)];
  }

  private textEntry(open: OpenText, pending: boolean): ChatEntry {
    return { id: open.id, role: 'assistant', text: translateGuiPhrases(join(open.committed, open.partial)), pending, startedAt: this.startedAt };
  }

  private nextId(kind: string): string {
    this.seq += 1;
    return `${this.runId}-${kind}${this.seq}`;
  }
}
