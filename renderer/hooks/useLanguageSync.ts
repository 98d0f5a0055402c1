import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from './useAppState';

/** The UI language follows the saved setting; <html lang> too, so that CJK text gets the right fonts. */
export function useLanguageSync(): void {
  const language = useAppState((state) => state.snapshot?.settings.language);
  const { i18n } = useTranslation();
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language ?? i18n.language;
  }, [language, i18n]);
}
