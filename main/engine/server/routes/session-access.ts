import type { SessionRecord } from '../../store/schema';
import { pathUserMatches } from '../auth';
import type { RequestContext } from '../context';
import { sessionNotFound, unauthorized } from '../http-util';

/** The session with this id if it belongs to the token's user; someone else's session is "not found" (1002). */
export function requireSession(ctx: RequestContext, sessionId: string, pathUser = 'me'): SessionRecord {
  const auth = ctx.auth;
  if (!auth) throw unauthorized();
  if (!pathUserMatches(pathUser, auth)) throw unauthorized();
  const session = ctx.services.store.data.sessions[sessionId];
  if (!session || session.userId !== auth.userId) throw sessionNotFound();
  return session;
}
