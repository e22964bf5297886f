// Ending every session of a member at once (#6). Each user row carries `sessionsValidAfter`
// (ms): an access token issued before it is refused on every authenticated request, and the
// refresh sessions are deleted so `POST /api/auth/refresh` fails too. It is bumped when an admin
// resets the password, deactivates the member or changes their role (whichever way the row is
// written: our staff API, Strapi's admin panel, a script), and by the member's own
// change-password and logout. The check costs nothing extra: the token's user row is read by
// Strapi anyway, and we read it once instead, with the epoch in it.
import type { Core } from '@strapi/strapi';

export const USER_UID = 'plugin::users-permissions.user';
const SESSION_UID = 'admin::session';

/** The user attribute holding the epoch (private: never in an API answer). */
export const EPOCH_ATTRIBUTE = { type: 'biginteger', private: true, configurable: false, searchable: false };

/**
 * Is an access token issued at `iat` (JWT seconds) still good for a user whose sessions were
 * ended at `validAfterMs`? `undefined`: issued within that very second, so the caller decides
 * by whether the token's refresh session survived (ending sessions deletes them all). Pure.
 */
export function issuedAfter(iat: number, validAfterMs: number): boolean | undefined {
  if (!validAfterMs) return true;
  if (iat * 1000 >= validAfterMs) return true;
  if (iat * 1000 + 999 < validAfterMs) return false;
  return undefined;
}

/** Ends every session: old access tokens die, refresh tokens are deleted. */
export async function endSessions(strapi: Core.Strapi, userId: number, opts: { keepRefresh?: boolean } = {}) {
  await strapi.db.query(USER_UID as any).update({ where: { id: userId }, data: { sessionsValidAfter: Date.now() } });
  if (!opts.keepRefresh) await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(userId));
}

/** Replacement for users-permissions' `jwt.verify` in refresh mode: Strapi's checks plus the epoch. */
export function verifyWithEpoch(strapi: Core.Strapi, original: (token: string) => Promise<any>) {
  return async (token: string) => {
    if (strapi.config.get('plugin::users-permissions.jwtManagement') !== 'refresh') return original(token);
    const result = strapi.sessionManager('users-permissions').validateAccessToken(token);
    if (!result.isValid || result.payload?.type !== 'access') throw new Error('Invalid token.');
    const { userId, sessionId, iat } = result.payload as any;
    const user: any = await strapi.db.query(USER_UID as any).findOne({
      where: { id: Number(userId) || userId }, select: ['id', 'sessionsValidAfter'],
    });
    if (!user) throw new Error('Invalid token.');
    let ok = issuedAfter(Number(iat), Number(user.sessionsValidAfter ?? 0));
    if (ok === undefined) {
      ok = !!(await strapi.db.query(SESSION_UID as any).findOne({ where: { sessionId }, select: ['id'] }));
    }
    if (!ok) throw new Error('Invalid token.');
    return { id: user.id, sessionId };
  };
}

const roleIdOf = async (strapi: Core.Strapi, where: unknown) => {
  const u: any = await strapi.db.query(USER_UID as any).findOne({ where: where as any, select: ['id'], populate: { role: { select: ['id'] } } });
  return u ? { id: u.id as number, role: (u.role?.id ?? null) as number | null } : null;
};

/**
 * Bumps the epoch on writes that must end sessions: a new password, blocking, a role change.
 * A database lifecycle (not a Document Service middleware) so that `db.query` writes count too.
 */
export function watchUserWrites(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    async beforeUpdate(event: any) {
      const data = event.params?.data ?? {};
      if (data.password || data.blocked === true) {
        data.sessionsValidAfter = Date.now();
        event.state.endSessions = true;
      }
      if (data.role !== undefined) event.state.before = await roleIdOf(strapi, event.params.where);
    },
    async afterUpdate(event: any) {
      const id = event.result?.id ?? event.state.before?.id;
      if (!id) return;
      if (event.state.before) {
        const after = await roleIdOf(strapi, { id });
        if (after && after.role !== event.state.before.role) return endSessions(strapi, id);
      }
      if (event.state.endSessions) await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(id));
    },
  } as any);
}
