import { useCallback, type ChangeEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_EXTENSIONS } from '../../../shared/protocol';
import { FilmIcon, PlusIcon } from '../../app/icons';
import { useAppState } from '../../hooks/useAppState';
import { DropOverlay } from './DropOverlay';
import { MediaCard } from './MediaCard';
import { RefusedNotice } from './RefusedNotice';
import { StagingCard } from './StagingCard';
import { UrlField } from './UrlField';
import { useAddFiles } from './useAddFiles';

const ACCEPT = Object.values(SUPPORTED_EXTENSIONS).flat().map((ext) => `.${ext}`).join(',');
const NO_MEDIA: never[] = [];

export function MediaPanel(): ReactElement {
  const { t } = useTranslation();
  const media = useAppState((state) => state.snapshot?.media ?? NO_MEDIA);
  const staging = useAppState((state) => state.staging);
  const refused = useAppState((state) => state.refused);
  const addFiles = useAddFiles();
  const onDrop = useCallback((files: File[]) => void addFiles(files), [addFiles]);

  const onPick = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = Array.from(event.target.files ?? []);
    // Reset so that choosing the same file again still fires a change.
    event.target.value = '';
    if (files.length > 0) void addFiles(files);
  };

  const empty = media.length === 0 && staging.length === 0;
  return (
    <section className="panel media" aria-labelledby="media-title">
      <div className="panel__head">
        <h2 id="media-title" className="panel__title">{t('media.title')}</h2>
        {media.length > 0 && <span className="panel__count">{t('media.summary', { count: media.length })}</span>}
      </div>
      <label className="button button--primary button--block file-button">
        <input type="file" multiple accept={ACCEPT} className="visually-hidden" aria-label={t('media.add')} onChange={onPick} />
        <PlusIcon />
        <span>{t('media.add')}</span>
      </label>
      <UrlField />
      {refused.map((file) => <RefusedNotice key={file.id} file={file} />)}
      {empty ? (
        <div className="media__empty">
          <FilmIcon className="media__empty-icon" />
          <strong>{t('media.emptyTitle')}</strong>
          <span>{t('media.emptyBody')}</span>
        </div>
      ) : (
        <ul className="media__list">
          {media.map((item) => <MediaCard key={item.id} item={item} />)}
          {staging.map((file) => <StagingCard key={file.id} file={file} />)}
        </ul>
      )}
      <DropOverlay onFiles={onDrop} />
    </section>
  );
}
