import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatEntry } from '../../../shared/bridge';
import { AlertIcon, SparkIcon, ToolIcon } from '../../app/icons';
import { useErrorText } from '../../hooks/useErrorText';
import { useErrorAction } from '../../hooks/useErrorAction';

/**
 * The engine ends a reply with the one-line timeline summary; it reads better set apart from the sentences about
 * what changed (the track list shows the same thing visually).
 */
export function splitSummary(text: string): { body: string; summary: string } {
  const lines = text.trimEnd().split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (!/^Timeline \(\d+ tracks?\):/.test(last)) return { body: text, summary: '' };
  return { body: lines.slice(0, -1).join('\n'), summary: last };
}

/** One chat entry; its look follows its role (user, assistant, working line, system note, error). */
export function ChatMessage({ entry, onRetry }: { entry: ChatEntry; onRetry: () => void }): ReactElement {
  const { t } = useTranslation();
  const onAction = useErrorAction(onRetry);
  const errorText = useErrorText();
  switch (entry.role) {
    case 'user':
      return (
        <div className="msg msg--user" data-entry-id={entry.id}>
          <span className="visually-hidden">{t('chat.you')}: </span>
          <p className="msg__bubble">{entry.text}</p>
        </div>
      );
    case 'assistant': {
      const { body, summary } = splitSummary(entry.text);
      return (
        <div className="msg msg--assistant" data-entry-id={entry.id}>
          <span className="msg__avatar" aria-hidden="true"><SparkIcon /></span>
          <span className="visually-hidden">{t('chat.assistant')}: </span>
          <div className={`msg__bubble${entry.pending ? ' is-streaming' : ''}`}>
            {body && <p>{body}</p>}
            {summary && <p className="msg__summary">{summary}</p>}
          </div>
        </div>
      );
    }
    case 'working':
      return (
        <div className={`msg msg--working${entry.pending ? ' is-active' : ''}`} data-entry-id={entry.id}>
          {entry.pending ? <span className="spinner spinner--small" aria-hidden="true" /> : <ToolIcon />}
          <span>{entry.key ? t(entry.key, { ...entry.params, defaultValue: entry.text }) : entry.text}</span>
        </div>
      );
    case 'error': {
      const error = entry.error ?? { code: 'unexpected', message: entry.text };
      const label = errorText.actionLabel(error);
      return (
        <div className="msg msg--error" data-entry-id={entry.id} role="alert">
          <AlertIcon />
          <p>{entry.error ? errorText.message(entry.error) : entry.text}</p>
          {label && <button type="button" className="button button--small" onClick={() => onAction(error)}>{label}</button>}
        </div>
      );
    }
    default:
      return <div className="msg msg--system" data-entry-id={entry.id}><p>{entry.text}</p></div>;
  }
}
