import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { backendKindSchema, type Settings } from '../../../shared/bridge';
import { AlertIcon } from '../../app/icons';
import type { SettingsForm } from './buildPatch';

interface Props {
  form: SettingsForm;
  settings: Settings;
  invalidUrl: boolean;
  update: (patch: Partial<SettingsForm>) => void;
}

/** Local engine or the cloud; for the cloud, its URL and an optional write-only token. */
export function BackendFields({ form, settings, invalidUrl, update }: Props): ReactElement {
  const { t } = useTranslation();
  const tokenStored = settings.hasToken && !form.removeToken;
  return (
    <>
      <fieldset className="field choices">
        <legend className="field-label">{t('settings.backend')}</legend>
        {backendKindSchema.options.map((kind) => (
          <label key={kind} className={`choice${form.backend === kind ? ' is-selected' : ''}`}>
            <input type="radio" name="backend" value={kind} checked={form.backend === kind} onChange={() => update({ backend: kind })} />
            <span className="choice__text">
              <span className="choice__name">{t(`settings.${kind}`)}</span>
              <span className="choice__hint">{t(`settings.${kind}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {form.backend === 'cloud' && (
        <div className="cloud-fields">
          <div className="field">
            <label className="field-label" htmlFor="settings-api">{t('settings.apiUrl')}</label>
            <input id="settings-api" type="url" value={form.apiUrl} aria-invalid={invalidUrl}
              aria-describedby={invalidUrl ? 'settings-api-error' : undefined} onChange={(e) => update({ apiUrl: e.target.value })} />
            {invalidUrl && <p id="settings-api-error" className="field-error">{t('settings.invalidUrl')}</p>}
          </div>
          <div className="field">
            <label className="field-label" htmlFor="settings-token">{t('settings.token')}</label>
            <input id="settings-token" type="password" autoComplete="off" spellCheck={false} value={form.token}
              placeholder={tokenStored ? t('settings.tokenReplace') : t('settings.tokenPlaceholder')}
              onChange={(e) => update({ token: e.target.value })} />
            {tokenStored && (
              <div className="token-state">
                <span className="chip chip--free">{t('settings.tokenStored')}</span>
                <button type="button" className="button button--small button--ghost" onClick={() => update({ removeToken: true, token: '' })}>
                  {t('settings.removeToken')}
                </button>
              </div>
            )}
            {settings.hasToken && !settings.tokenProtected && (
              <p className="warning"><AlertIcon />{t('settings.tokenUnprotected')}</p>
            )}
          </div>
        </div>
      )}
    </>
  );
}
