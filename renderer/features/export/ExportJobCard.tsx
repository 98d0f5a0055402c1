import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_PRESETS, type ExportJob } from '../../../shared/bridge';
import { baseName, formatClock } from '../../app/format';
import { AlertIcon, CheckIcon } from '../../app/icons';
import { useErrorText } from '../../hooks/useErrorText';
import { useErrorAction } from '../../hooks/useErrorAction';
import { useCommand } from '../../hooks/useCommand';
import { useNow } from '../../hooks/useNow';
import { JobActions } from './JobActions';

export const RUNNING_STATES = new Set<ExportJob['state']>(['submitting', 'queued', 'rendering', 'downloading']);

interface Props {
  job: ExportJob;
  /** The newest finished job shows its player; older ones stay compact. */
  showPlayer: boolean;
}

export function ExportJobCard({ job, showPlayer }: Props): ReactElement {
  const { t } = useTranslation();
  const run = useCommand();
  const errorText = useErrorText();
  const running = RUNNING_STATES.has(job.state);
  const now = useNow(running);
  const onAction = useErrorAction(() => void run('export.start', { preset: job.preset }));
  const card = useRef<HTMLLIElement | null>(null);
  // A job that starts, or the video that just finished, shows itself even when the panel is scrolled.
  const inView = running || (job.state === 'done' && showPlayer);
  const reveal = (): void => card.current?.scrollIntoView?.({ block: 'nearest' });
  useEffect(() => {
    if (inView) reveal();
  }, [inView]);
  const percent = Math.round(job.progress);
  const preset = EXPORT_PRESETS[job.preset];
  return (
    <li ref={card} className={`job job--${job.state}`}>
      <div className="job__head">
        {job.state === 'done' && <CheckIcon className="job__state-icon" />}
        {job.state === 'failed' && <AlertIcon className="job__state-icon" />}
        <span className="job__name" title={job.outPath}>{baseName(job.outPath)}</span>
        <span className="job__badge">{preset.width}×{preset.height}</span>
      </div>
      {running && (
        <>
          <div className="job__status">
            <span>{t(`export.${job.state}`)}</span>
            <span className="job__percent">{percent}%</span>
          </div>
          <div className="progress" role="progressbar" aria-label={t('export.progress')} aria-valuemin={0} aria-valuemax={100}
            aria-valuenow={percent} aria-valuetext={`${percent}%`}>
            <span className="progress__fill" style={{ width: `${percent}%` }} />
          </div>
          <div className="job__foot">
            <span>{t('export.elapsed', { time: formatClock(now - job.createdAt) })}</span>
            {job.queuePosition !== undefined && job.queuePosition > 0 && (
              <span>{t('export.queuePosition', { position: job.queuePosition })}</span>
            )}
            <button type="button" className="button button--small button--ghost" onClick={() => void run('export.cancel', { id: job.id })}>
              {t('export.cancel')}
            </button>
          </div>
        </>
      )}
      {job.state === 'done' && (
        <>
          {showPlayer && job.previewUrl && <video className="job__player" src={job.previewUrl} controls preload="metadata" onLoadedMetadata={reveal} />}
          <div className="job__foot">
            <span>{job.finishedAt ? t('export.took', { time: formatClock(job.finishedAt - job.createdAt) }) : t('export.done')}</span>
            <JobActions job={job} />
          </div>
        </>
      )}
      {job.state === 'failed' && (
        <div className="job__error" role="alert">
          <span>{job.error ? errorText.message(job.error) : t('export.failed')}</span>
          {/* Every failed export can be tried again; an error's own action (Register…) takes that place. */}
          {job.error && job.error.action && job.error.action.kind !== 'none' ? (
            <button type="button" className="button button--small" onClick={() => job.error && onAction(job.error)}>
              {errorText.actionLabel(job.error)}
            </button>
          ) : (
            <button type="button" className="button button--small" onClick={() => void run('export.start', { preset: job.preset })}>
              {t('export.retry')}
            </button>
          )}
        </div>
      )}
      {job.state === 'cancelled' && <div className="job__foot"><span>{t('export.cancelled')}</span></div>}
    </li>
  );
}
