import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreset } from '../../../shared/bridge';
import { isExportable, readDraft } from '../../../shared/draft';
import { shortPath } from '../../app/format';
import { ExportIcon, FolderIcon } from '../../app/icons';
import { useAppState } from '../../hooks/useAppState';
import { useCommand } from '../../hooks/useCommand';
import { ExportJobCard } from './ExportJobCard';
import { PresetPicker } from './PresetPicker';

const NO_JOBS: never[] = [];

export function ExportPanel(): ReactElement {
  const { t } = useTranslation();
  const run = useCommand();
  const [preset, setPreset] = useState<ExportPreset>('landscape');
  const [starting, setStarting] = useState(false);
  const draft = useAppState((state) => state.snapshot?.timeline.draft);
  const outputDir = useAppState((state) => state.snapshot?.settings.outputDir);
  const canPick = useAppState((state) => state.snapshot?.host.canPickFiles ?? false);
  const jobs = useAppState((state) => state.snapshot?.exports ?? NO_JOBS);
  const ready = useMemo(() => isExportable(readDraft(draft)), [draft]);
  const ordered = useMemo(() => [...jobs].sort((a, b) => b.createdAt - a.createdAt), [jobs]);
  const newestDone = ordered.find((job) => job.state === 'done')?.id;

  const start = async (): Promise<void> => {
    setStarting(true);
    await run('export.start', { preset });
    setStarting(false);
  };
  const changeFolder = async (): Promise<void> => {
    const picked = await run('export.pickFolder', {});
    if (picked?.path) await run('settings.update', { outputDir: picked.path });
  };

  return (
    <section className="panel export" aria-labelledby="export-title">
      <div className="panel__head">
        <h2 id="export-title" className="panel__title">{t('export.title')}</h2>
      </div>
      <PresetPicker value={preset} onChange={setPreset} />
      {outputDir && (
        <div className="save-to">
          <span className="field-label">{t('export.saveTo')}</span>
          <div className="save-to__row">
            <FolderIcon className="save-to__icon" />
            <span className="save-to__path" title={outputDir}>{shortPath(outputDir)}</span>
            {canPick && <button type="button" className="button button--small" onClick={() => void changeFolder()}>{t('export.change')}</button>}
          </div>
        </div>
      )}
      <button type="button" className="button button--primary button--block button--large" disabled={!ready || starting}
        aria-describedby={ready ? undefined : 'export-not-ready'} onClick={() => void start()}>
        <ExportIcon />{t('export.export')}
      </button>
      {!ready && <p id="export-not-ready" className="hint">{t('export.notReady')}</p>}
      <h3 className="field-label export__jobs-title">{t('export.jobs')}</h3>
      {ordered.length === 0 ? (
        <p className="hint">{t('export.noJobs')}</p>
      ) : (
        <ul className="jobs">
          {ordered.map((job) => <ExportJobCard key={job.id} job={job} showPlayer={job.id === newestDone} />)}
        </ul>
      )}
    </section>
  );
}
