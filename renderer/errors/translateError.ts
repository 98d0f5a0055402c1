import type { TFunction } from 'i18next';
import type { UserError } from '../../shared/bridge';
import { ERROR_CODES } from '../../shared/errors';

type ActionKind = NonNullable<UserError['action']>['kind'];

/** shared/errors codes ('auth.expired') → resource keys ('errors.authExpired'); the catalogue's own names. */
const KEY_BY_CODE = new Map<string, string>(Object.entries(ERROR_CODES).map(([name, code]) => [code, name]));

const ACTION_KEYS: Partial<Record<ActionKind, string>> = {
  retry: 'errors.actionRetry',
  settings: 'errors.actionSettings',
  reauth: 'errors.actionReauth',
  'new-session': 'errors.actionNewSession',
};

/** Out of credits means two things: anonymous users are sent to register, registered ones to top up. */
const sendsToRegister = (error: UserError): boolean => Boolean(error.action?.url?.includes('/register'));

function codeKey(error: UserError): string | undefined {
  const name = KEY_BY_CODE.get(error.code);
  if (!name) return undefined;
  if (name === 'creditsInsufficient') return sendsToRegister(error) ? 'errors.creditsRegister' : 'errors.creditsTopUp';
  return `errors.${name}`;
}

/**
 * What to show for an error. Main writes English and often adds specifics (a file name, the server's words), so
 * English shows main's message; other languages show the translation of a known code, else main's message.
 */
export function errorMessage(error: UserError, t: TFunction, language: string): string {
  const key = codeKey(error);
  const own = error.message.trim();
  if (own && (language.startsWith('en') || !key)) return own;
  return t(key ?? 'errors.unknown');
}

export function errorActionLabel(error: UserError, t: TFunction, language: string): string | undefined {
  const action = error.action;
  if (!action || action.kind === 'none') return undefined;
  if (language.startsWith('en') && action.label.trim()) return action.label;
  if (action.kind === 'link') return t(sendsToRegister(error) ? 'errors.actionRegister' : 'errors.actionOpenSite');
  const key = ACTION_KEYS[action.kind];
  return key ? t(key) : action.label;
}
