import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LinkIcon } from '../../app/icons';
import { useCommand } from '../../hooks/useCommand';

const webUrl = z.string().url().refine((value) => /^https?:\/\//i.test(value));

/** Adds media from a link; main downloads it like any upload. */
export function UrlField(): ReactElement {
  const { t } = useTranslation();
  const run = useCommand();
  const [url, setUrl] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const trimmed = url.trim();
    if (!webUrl.safeParse(trimmed).success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const result = await run('media.addUrl', { url: trimmed });
    if (result) setUrl('');
  };

  return (
    <form className="url-field" onSubmit={(event) => void submit(event)} noValidate>
      <label className="visually-hidden" htmlFor="media-url">{t('media.urlLabel')}</label>
      <LinkIcon className="url-field__icon" />
      <input id="media-url" type="url" inputMode="url" value={url} placeholder={t('media.urlPlaceholder')}
        onChange={(event) => { setUrl(event.target.value); setInvalid(false); }}
        aria-invalid={invalid} aria-describedby={invalid ? 'media-url-error' : undefined} />
      <button type="submit" className="button button--small" disabled={url.trim() === ''}>{t('media.urlAdd')}</button>
      {invalid && <p id="media-url-error" className="field-error">{t('media.urlInvalid')}</p>}
    </form>
  );
}
