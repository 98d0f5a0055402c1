/** A ChatRunner wired to a scripted server, recording everything it shows. Shared by the chat tests. */
import type { ChatEntry } from '../../../shared/bridge';
import { ChatRunner, type ChatLimits, type TurnResult } from '../../../main/core/chat';
import { Sessions } from '../../../main/core/sessions';
import { makeClient, type Harness } from '../../support/core-harness';
import type { ScriptedServer } from '../../support/scripted-server';

export interface ChatFixture extends Harness {
  runner: ChatRunner;
  /** Every emitted entry, in order (updates included). */
  emitted: ChatEntry[];
  /** The latest version of each entry, in first-seen order. */
  entries(): ChatEntry[];
  results: TurnResult[];
  busy: Array<{ busy: boolean; queued: number }>;
  runSseCount(): number;
}

export function chatFixture(server: ScriptedServer, opts: { limits?: Partial<ChatLimits>; recoveryDelaysMs?: number[] } = {}): ChatFixture {
  const harness = makeClient(server.url);
  const emitted: ChatEntry[] = [];
  const results: TurnResult[] = [];
  const busy: Array<{ busy: boolean; queued: number }> = [];
  const runner = new ChatRunner({
    client: harness.client,
    sessions: new Sessions(harness.client, harness.store),
    projectId: 'p1',
    onEntry: (entry) => emitted.push(entry),
    onBusy: (b, queued) => busy.push({ busy: b, queued }),
    onTurnEnd: (result) => results.push(result),
    limits: opts.limits,
    recoveryDelaysMs: opts.recoveryDelaysMs ?? [5, 5, 5, 5, 5],
  });
  return {
    ...harness,
    runner,
    emitted,
    results,
    busy,
    entries: () => {
      const latest = new Map<string, ChatEntry>();
      for (const entry of emitted) latest.set(entry.id, entry);
      return [...latest.values()];
    },
    runSseCount: () => server.requests.filter((r) => r.method === 'POST' && r.path === '/run_sse').length,
  };
}

export const textsOf = (entries: ChatEntry[], role: ChatEntry['role']): string[] => entries.filter((e) => e.role === role).map((e) => e.text);
