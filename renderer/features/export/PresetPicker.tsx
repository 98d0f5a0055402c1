import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_PRESETS, exportPresetSchema, type ExportPreset } from '../../../shared/bridge';

/** The three output shapes as cards, each with a little frame in its aspect ratio. */
export function PresetPicker({ value, onChange }: { value: ExportPreset; onChange: (preset: ExportPreset) => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <fieldset className="presets">
      <legend className="field-label">{t('export.format')}</legend>
      {exportPresetSchema.options.map((preset) => {
        const { width, height } = EXPORT_PRESETS[preset];
        const scale = 22 / Math.max(width, height);
        return (
          <label key={preset} className={`preset${value === preset ? ' is-selected' : ''}`}>
            <input type="radio" name="export-preset" className="visually-hidden" value={preset}
              checked={value === preset} onChange={() => onChange(preset)} />
            <span className="preset__frame" aria-hidden="true">
              <span style={{ width: `${width * scale}px`, height: `${height * scale}px` }} />
            </span>
            <span className="preset__text">
              <span className="preset__name">{t(`export.${preset}`)}</span>
              <span className="preset__hint">{width}×{height} · {t(`export.${preset}Hint`)}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
