import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaKindOf } from '../../../shared/protocol';
import { percentOf } from '../../app/format';
import { FilmIcon, ImageIcon, MusicIcon } from '../../app/icons';
import type { StagingFile } from '../../state/types';

const KIND_ICONS = { video: FilmIcon, image: ImageIcon, audio: MusicIcon };

/** A file still being handed to the host, before main has made it a media item. */
export function StagingCard({ file }: { file: StagingFile }): ReactElement {
  const { t } = useTranslation();
  const percent = percentOf(file.loaded, file.size);
  const Icon = KIND_ICONS[mediaKindOf(file.name) ?? 'video'];
  return (
    <li className="media-card media-card--uploading">
      <div className="thumb" aria-hidden="true"><Icon className="thumb__icon" /></div>
      <div className="media-card__body">
        <span className="media-card__name" title={file.name}>{file.name}</span>
        <span className="media-card__meta">{t('media.preparing', { percent })}</span>
        <div className="progress progress--thin" role="progressbar" aria-label={file.name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <span className="progress__fill" style={{ width: `${percent}%` }} />
        </div>
      </div>
    </li>
  );
}
