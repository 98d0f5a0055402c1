import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportJob } from '../../../shared/bridge';
import { FolderIcon } from '../../app/icons';
import { useAppState } from '../../hooks/useAppState';
import { useCommand } from '../../hooks/useCommand';

/** "Open" and, where the host can, "Show in folder". The browser can't open files, so it opens the video in a tab. */
export function JobActions({ job }: { job: ExportJob }): ReactElement {
  const { t } = useTranslation();
  const run = useCommand();
  const host = useAppState((state) => state.snapshot?.host);
  const inBrowser = host?.kind === 'browser';
  return (
    <div className="job__actions">
      {inBrowser && job.previewUrl ? (
        <a className="button button--small button--primary" href={job.previewUrl} target="_blank" rel="noopener noreferrer">{t('export.open')}</a>
      ) : (
        <button type="button" className="button button--small button--primary" onClick={() => void run('export.open', { id: job.id })}>{t('export.open')}</button>
      )}
      {host?.canReveal && (
        <button type="button" className="button button--small" onClick={() => void run('export.reveal', { id: job.id })}>
          <FolderIcon />{t('export.reveal')}
        </button>
      )}
    </div>
  );
}
