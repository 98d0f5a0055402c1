import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/bridge';
import { formatSeconds } from '../../../shared/draft';
import { formatBytes, percentOf } from '../../app/format';
import { CloseIcon } from '../../app/icons';
import { useErrorText } from '../../hooks/useErrorText';
import { useCommand } from '../../hooks/useCommand';
import { Thumb } from './Thumb';

const CANCELLABLE = new Set<MediaItem['state']>(['queued', 'uploading', 'processing']);

function describe(item: MediaItem, t: ReturnType<typeof useTranslation>['t']): string {
  const parts = [t(`media.${item.kind}`)];
  if (item.durationMs) parts.push(t('timeline.total', { seconds: formatSeconds(item.durationMs) }));
  if (item.width && item.height) parts.push(`${item.width}×${item.height}`);
  parts.push(formatBytes(item.size));
  return parts.join(' · ');
}

export function MediaCard({ item }: { item: MediaItem }): ReactElement {
  const { t } = useTranslation();
  const run = useCommand();
  const errorText = useErrorText();
  const percent = percentOf(item.loaded, item.size);
  let status: ReactElement | null = null;
  if (item.state === 'uploading' || item.state === 'queued') {
    status = (
      <div className="progress progress--thin" role="progressbar" aria-label={item.name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    );
  } else if (item.state === 'processing') {
    status = <div className="progress progress--thin progress--busy" aria-hidden="true"><span className="progress__fill" /></div>;
  }
  const stateText =
    item.state === 'uploading' ? t('media.uploading', { percent })
      : item.state === 'queued' ? t('media.queued')
        : item.state === 'processing' ? t('media.processing')
          : item.state === 'failed' ? (item.error ? errorText.message(item.error) : t('media.failed'))
            : item.state === 'cancelled' ? t('media.cancelled')
              : describe(item, t);
  return (
    <li className={`media-card media-card--${item.state}`}>
      <Thumb item={item} />
      <div className="media-card__body">
        <span className="media-card__name" title={item.name}>{item.name}</span>
        <span className="media-card__meta">{stateText}</span>
        {status}
      </div>
      {CANCELLABLE.has(item.state) && (
        <button type="button" className="icon-button icon-button--small" aria-label={t('media.cancel', { name: item.name })}
          title={t('media.cancel', { name: item.name })} onClick={() => void run('media.cancel', { id: item.id })}>
          <CloseIcon />
        </button>
      )}
    </li>
  );
}
