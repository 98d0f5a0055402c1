import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CloseIcon } from '../../app/icons';
import { useDispatch } from '../../hooks/useAppState';
import type { RefusedFile } from '../../state/types';

/** Says which file was not added and why, until the person dismisses it. */
export function RefusedNotice({ file }: { file: RefusedFile }): ReactElement {
  const { t } = useTranslation();
  const dispatch = useDispatch();
  return (
    <div className="refused" role="alert">
      <AlertIcon className="refused__icon" />
      <div className="refused__body">
        <span className="refused__name">{file.name}</span>
        <span className="refused__reason">{t(file.reason === 'unsupported' ? 'media.refusedUnsupported' : 'media.refusedTooLarge')}</span>
      </div>
      <button type="button" className="icon-button icon-button--small" aria-label={t('media.dismiss')}
        onClick={() => dispatch({ type: 'refused.dismiss', id: file.id })}>
        <CloseIcon />
      </button>
    </div>
  );
}
