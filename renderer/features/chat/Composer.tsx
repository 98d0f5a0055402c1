import { useLayoutEffect, useRef, type KeyboardEvent, type ReactElement, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SendIcon } from '../../app/icons';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

const MAX_HEIGHT_PX = 160;

/** The message box: Enter sends, Shift+Enter starts a new line, and an IME composition is never cut short. */
export function Composer({ value, onChange, onSend, inputRef }: Props): ReactElement {
  const { t } = useTranslation();
  const sizer = useRef<HTMLTextAreaElement | null>(null);

  useLayoutEffect(() => {
    const box = sizer.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${Math.min(box.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [value]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    // Chinese input confirms a candidate with Enter; that Enter must not send the message.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onSend();
  };

  const canSend = value.trim().length > 0;
  return (
    <form className="composer" onSubmit={(event) => { event.preventDefault(); onSend(); }}>
      <label className="visually-hidden" htmlFor="chat-message">{t('chat.message')}</label>
      <textarea
        id="chat-message"
        ref={(node) => { sizer.current = node; inputRef.current = node; }}
        className="composer__input"
        rows={1}
        value={value}
        placeholder={t('chat.placeholder')}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="chat-hint"
      />
      <button type="submit" className="button button--primary composer__send" disabled={!canSend}>
        <SendIcon />
        <span>{t('chat.send')}</span>
      </button>
      <p id="chat-hint" className="composer__hint">{t('chat.hint')}</p>
    </form>
  );
}
