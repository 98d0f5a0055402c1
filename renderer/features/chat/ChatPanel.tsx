import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../hooks/useAppState';
import { useCommand } from '../../hooks/useCommand';
import { ChatMessage } from './ChatMessage';
import { Composer } from './Composer';
import { RunBar } from './RunBar';
import { Suggestions } from './Suggestions';

const NO_ENTRIES: never[] = [];

export function ChatPanel(): ReactElement {
  const { t } = useTranslation();
  const run = useCommand();
  const entries = useAppState((state) => state.snapshot?.chat ?? NO_ENTRIES);
  const busy = useAppState((state) => state.snapshot?.chatBusy ?? false);
  const busySince = useAppState((state) => state.busySince);
  const queued = useAppState((state) => state.queuedMessages);
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const logRef = useRef<HTMLDivElement | null>(null);

  // Follow the newest text as it streams in, the way a chat app does.
  const lastText = entries.at(-1)?.text;
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [entries.length, lastText, busy]);

  const send = useCallback(
    async (text: string) => {
      const trimmed = text.trim();
      if (!trimmed) return;
      setDraft('');
      const result = await run('chat.send', { text: trimmed });
      // Nothing was sent: give the words back rather than lose them.
      if (!result) setDraft((current) => current || trimmed);
    },
    [run],
  );

  const lastUserText = [...entries].reverse().find((entry) => entry.role === 'user')?.text;
  const retry = useCallback(() => {
    if (lastUserText) void send(lastUserText);
  }, [lastUserText, send]);

  const pick = (text: string): void => {
    setDraft(text);
    inputRef.current?.focus();
  };

  const startedAt = [...entries].reverse().find((entry) => entry.pending && entry.startedAt)?.startedAt;
  return (
    <section className="panel chat" aria-labelledby="chat-title">
      <h2 id="chat-title" className="visually-hidden">{t('chat.title')}</h2>
      <div className="chat__log" ref={logRef} role="log" aria-label={t('chat.log')} aria-live="polite">
        {entries.length === 0 ? <Suggestions onPick={pick} /> : entries.map((entry) => <ChatMessage key={entry.id} entry={entry} onRetry={retry} />)}
      </div>
      {busy && <RunBar since={startedAt ?? busySince ?? Date.now()} queued={queued} onCancel={() => void run('chat.cancel', {})} />}
      <Composer value={draft} onChange={setDraft} onSend={() => void send(draft)} inputRef={inputRef} />
    </section>
  );
}
