import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportIcon, FilmIcon, MusicIcon } from '../../app/icons';

const SUGGESTIONS = [
  { key: 'chat.suggestionPromo', Icon: FilmIcon },
  { key: 'chat.suggestionExport', Icon: ExportIcon },
  { key: 'chat.suggestionMusic', Icon: MusicIcon },
] as const;

/** What an empty chat offers: requests people really make, one click puts them in the message box. */
export function Suggestions({ onPick }: { onPick: (text: string) => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="chat-empty">
      <h2 className="chat-empty__title">{t('chat.emptyTitle')}</h2>
      <p className="chat-empty__body">{t('chat.emptyBody')}</p>
      <div className="suggestions">
        {SUGGESTIONS.map(({ key, Icon }) => (
          <button key={key} type="button" className="suggestion" onClick={() => onPick(t(key))}>
            <Icon className="suggestion__icon" />
            <span>{t(key)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
