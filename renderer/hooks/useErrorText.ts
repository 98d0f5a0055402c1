import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserError } from '../../shared/bridge';
import { errorActionLabel, errorMessage } from '../errors/translateError';

export interface ErrorText {
  message(error: UserError): string;
  actionLabel(error: UserError): string | undefined;
}

/** An error's message and action label in the current UI language. */
export function useErrorText(): ErrorText {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({ message: (error) => errorMessage(error, t, language), actionLabel: (error) => errorActionLabel(error, t, language) }),
    [t, language],
  );
}
