import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_PRESETS, exportPresetSchema, type ExportPreset } from '../../../shared/bridge';

/** The three output shapes as tiles, each with a little frame in its aspect ratio, and where each one fits. */
export function PresetPicker({ value, onChange }: { value: ExportPreset; onChange: (preset: ExportPreset) => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <fieldset className="presets">
      <legend className="field-label">{t('export.format')}</legend>
      <div className="presets__grid">
      {exportPresetSchema.options.map((preset) => {
        const { width, height } = EXPORT_PRESETS[preset];
        const scale = 20 / Math.max(width, height);
        return (
          <label key={preset} className={`preset${value === preset ? ' is-selected' : ''}`}>
            <input type="radio" name="export-preset" className="visually-hidden" value={preset}
              checked={value === preset} onChange={() => onChange(preset)} />
            <span className="preset__frame" aria-hidden="true">
              <span style={{ width: `${width * scale}px`, height: `${height * scale}px` }} />
            </span>
            <span className="preset__name">{t(`export.${preset}`)}</span>
            <span className="preset__size">{width}×{height}</span>
          </label>
        );
      })}
      </div>
      <p className="preset__hint">{t(`export.${value}Hint`)}</p>
    </fieldset>
  );
}
