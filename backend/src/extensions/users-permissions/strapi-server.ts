// Staff are users-permissions users with a few CRM attributes of their own. The plugin's auth is
// tightened here: sessions end on a password reset, deactivation or role change (auth/sessions.ts),
// the login throttle counts failures per account and per address (auth/login-throttle.ts), one
// password policy (crm/password.ts), and no public sign-up or password-reset mail (auth/self-service.ts).
import { EPOCH_ATTRIBUTE, endSessions, verifyWithEpoch, watchUserWrites } from '../../auth/sessions';
import { ensureThrottleIndex } from '../../auth/login-throttle';
import { SELF_SERVICE_ACTIONS, selfServiceDisabled } from '../../auth/self-service';
import { watchCallerWrites, withCachedStrategy } from '../../auth/caller-cache';

export default (plugin: any) => {
  const attrs = plugin.contentTypes.user.schema.attributes;
  attrs.displayName = { type: 'string', maxLength: 50 };
  attrs.mobile = { type: 'string', maxLength: 20 };
  // the member's own notification preference (My account): email copies of reminders
  attrs.notifyByEmail = { type: 'boolean', default: true };
  attrs.department = { type: 'relation', relation: 'manyToOne', target: 'api::department.department' };
  attrs.supervisor = { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user' };
  attrs.sessionsValidAfter = EPOCH_ATTRIBUTE;
  // A role's CRM grants, edited at run time (crm/grants.ts), and the version an edit must send back.
  const role = plugin.contentTypes.role.schema.attributes;
  role.grants = { type: 'json' };
  role.version = { type: 'integer', default: 0 };
  // Chinese role names are two characters (市场, 客服); Strapi's default asks for three.
  role.name = { ...role.name, minLength: 1, maxLength: 50 };

  // Access tokens issued before the user's session epoch are refused on every request.
  const jwtService = plugin.services.jwt;
  plugin.services.jwt = (deps: any) => {
    const base = jwtService(deps);
    return { ...base, verify: verifyWithEpoch(deps.strapi, base.verify.bind(base)) };
  };

  const authController = plugin.controllers.auth;
  plugin.controllers.auth = (deps: any) => {
    const base = authController(deps);
    const disabled = Object.fromEntries(SELF_SERVICE_ACTIONS.map((a) => [a, selfServiceDisabled]));
    return {
      ...base,
      ...disabled,
      // Logging out also ends the access tokens already issued (other devices renew theirs
      // with their own refresh tokens, which stay).
      async logout(ctx: any) {
        const user = ctx.state.user;
        const result = await base.logout(ctx);
        if (user && ctx.status === 200) await endSessions(deps.strapi, user.id, { keepRefresh: true });
        return result;
      },
    };
  };

  for (const route of plugin.routes['content-api'].routes) {
    if (route.method === 'POST' && route.path === '/auth/local') {
      route.config = { ...route.config, middlewares: ['global::login-throttle'] };
    }
    if (route.method === 'POST' && route.path === '/auth/change-password') {
      route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), 'global::password-policy'] };
    }
  }

  // The login check's answer is remembered per token for a few seconds (auth/caller-cache.ts).
  plugin.register = withCachedStrategy(plugin.register);

  const bootstrap = plugin.bootstrap;
  plugin.bootstrap = async (ctx: any) => {
    await bootstrap?.(ctx);
    watchUserWrites(ctx.strapi);
    watchCallerWrites(ctx.strapi);
    await ensureThrottleIndex(ctx.strapi);
  };
  return plugin;
};
