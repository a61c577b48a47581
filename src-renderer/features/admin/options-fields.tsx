/** The model's options, generated from the family's schema in the hub's catalogue (enums, numbers, text). */
import type { OptionsSchema } from '../../../src-main/shared/api-types.js';
import { useTexts } from '../../i18n/language-store.js';
import { defaultText, enumOf, type DeviceDraft } from './device-draft.js';
import { useAdminStore } from './admin-store.js';

export function OptionsFields({ draft, schema }: { draft: DeviceDraft; schema: OptionsSchema | null }) {
  const t = useTexts();
  const setOption = useAdminStore((s) => s.setOption);
  const entries = Object.entries(schema?.properties ?? {});
  if (entries.length === 0) return null;
  return (
    <fieldset className="span2 options" data-testid="device-options">
      <legend>{t.options}</legend>
      <div className="form-grid">
        {entries.map(([key, p]) => {
          const label = t.optionLabels[key] ?? p.title ?? key;
          const values = enumOf(p);
          const value = draft.options[key] ?? '';
          const def = p.default !== undefined ? t.defaultIs(values ? (t.optionValues[defaultText(p.default)] ?? defaultText(p.default)) : defaultText(p.default)) : '';
          return (
            <label key={key} title={p.description}>
              {label}
              {values ? (
                <select aria-label={label} value={value} onChange={(e) => setOption(key, e.target.value)}>
                  <option value="">{def || t.none}</option>
                  {values.map((v) => (
                    <option key={v} value={v}>
                      {t.optionValues[v] ?? v}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  aria-label={label}
                  className={p.type === 'integer' || p.type === 'number' ? 'num' : ''}
                  inputMode={p.type === 'integer' || p.type === 'number' ? 'numeric' : 'text'}
                  type={/password/.test(key) ? 'password' : 'text'}
                  autoComplete="off"
                  placeholder={def}
                  value={value}
                  onChange={(e) => setOption(key, e.target.value)}
                />
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
