/** The CLI's one failure line: `error: <what happened and what to do>`, never a stack trace or a token. */
import { redactSecrets, toUserError } from '../../shared/errors';

export function cliErrorLine(err: unknown): string {
  const user = toUserError(err);
  const action = user.action?.url ? ` ${user.action.label}: ${user.action.url}` : '';
  return redactSecrets(`error: ${user.message}${action}`.replace(/\s+/g, ' ').trim());
}
