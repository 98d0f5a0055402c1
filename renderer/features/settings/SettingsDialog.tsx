import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { languageSchema, type Settings, type UserError } from '../../../shared/bridge';
import { Modal } from '../../app/Modal';
import { useErrorText } from '../../hooks/useErrorText';
import { useAppState, useDispatch } from '../../hooks/useAppState';
import { useCommand } from '../../hooks/useCommand';
import { buildPatch, formFrom, type SettingsForm } from './buildPatch';
import { BackendFields } from './BackendFields';

function SettingsBody({ settings, onClose }: { settings: Settings; onClose: () => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const dispatch = useDispatch();
  const canPick = useAppState((state) => state.snapshot?.host.canPickFiles ?? false);
  const [form, setForm] = useState<SettingsForm>(() => formFrom(settings));
  const [invalidUrl, setInvalidUrl] = useState(false);
  const [failure, setFailure] = useState<UserError | null>(null);
  const [saving, setSaving] = useState(false);
  const run = useCommand(setFailure);
  const errorText = useErrorText();
  const update = (patch: Partial<SettingsForm>): void => setForm((current) => ({ ...current, ...patch }));

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const built = buildPatch(settings, form);
    setInvalidUrl(!built.ok);
    if (!built.ok) return;
    setSaving(true);
    setFailure(null);
    const saved = await run('settings.update', built.patch);
    setSaving(false);
    if (!saved) return;
    dispatch({ type: 'event', name: 'settings', payload: saved });
    // Said in the language just chosen, not the one the dialog was opened in.
    dispatch({ type: 'toast.push', toast: { level: 'success', message: i18n.t('settings.saved', { lng: saved.language }) } });
    onClose();
  };
  const pickFolder = async (): Promise<void> => {
    const picked = await run('export.pickFolder', {});
    if (picked?.path) update({ outputDir: picked.path });
  };

  return (
    <form className="settings" onSubmit={(event) => void save(event)} noValidate>
      <BackendFields form={form} settings={settings} invalidUrl={invalidUrl} update={update} />
      <div className="field">
        <label className="field-label" htmlFor="settings-language">{t('settings.language')}</label>
        <select id="settings-language" value={form.language} onChange={(e) => update({ language: languageSchema.parse(e.target.value) })}>
          {languageSchema.options.map((lang) => <option key={lang} value={lang}>{t(`languages.${lang}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="settings-output">{t('settings.outputDir')}</label>
        <div className="field__row">
          <input id="settings-output" value={form.outputDir} onChange={(e) => update({ outputDir: e.target.value })} />
          {canPick && <button type="button" className="button" onClick={() => void pickFolder()}>{t('settings.change')}</button>}
        </div>
      </div>
      {failure && <p className="field-error" role="alert">{errorText.message(failure)}</p>}
      <div className="modal__foot">
        <button type="button" className="button button--ghost" onClick={onClose}>{t('settings.cancel')}</button>
        <button type="submit" className="button button--primary" disabled={saving}>{t('settings.save')}</button>
      </div>
    </form>
  );
}

export function SettingsDialog(): ReactElement | null {
  const { t } = useTranslation();
  const open = useAppState((state) => state.settingsOpen);
  const settings = useAppState((state) => state.snapshot?.settings);
  const dispatch = useDispatch();
  if (!open || !settings) return null;
  const close = (): void => dispatch({ type: 'settings.close' });
  return (
    <Modal title={t('settings.title')} closeLabel={t('settings.close')} onClose={close}>
      <SettingsBody settings={settings} onClose={close} />
    </Modal>
  );
}
