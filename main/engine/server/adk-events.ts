/**
 * ADK-shaped events (protocol.md §4.2): camelCase, one JSON object per `data:` line, the same invocationId for
 * every event of one run. Pure builders; `clock` gives epoch ms so tests can pin timestamps.
 */
import { newEventId, newFunctionCallId } from './ids';

export const AGENT_NAME = 'nemo_agent';

const EMPTY_ACTIONS = { stateDelta: {}, artifactDelta: {}, requestedAuthConfigs: {} };

export interface AdkEventOut {
  content: { role: 'model' | 'user'; parts: Array<Record<string, unknown>> };
  invocationId: string;
  author: string;
  actions: typeof EMPTY_ACTIONS;
  id: string;
  timestamp: number;
  longRunningToolIds?: string[];
}

function event(invocationId: string, role: 'model' | 'user', part: Record<string, unknown>, now: number): AdkEventOut {
  return { content: { role, parts: [part] }, invocationId, author: AGENT_NAME, actions: EMPTY_ACTIONS, id: newEventId(), timestamp: now / 1000 };
}

export function textEvent(invocationId: string, text: string, now: number): AdkEventOut {
  return event(invocationId, 'model', { text }, now);
}

/** A tool call and its response share an `adk-<uuid>` id; ADK sends the response as role "user" content. */
export function toolEvents(invocationId: string, name: string, args: Record<string, unknown>, response: Record<string, unknown>, now: number): [AdkEventOut, AdkEventOut] {
  const id = newFunctionCallId();
  const call = { ...event(invocationId, 'model', { functionCall: { id, name, args } }, now), longRunningToolIds: [] };
  return [call, event(invocationId, 'user', { functionResponse: { id, name, response } }, now)];
}

export const HEARTBEAT_LINE = 'data: {"type":"heartbeat"}\n\n';

export function sseLine(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}
