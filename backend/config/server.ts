import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // Behind a reverse proxy (CRM_TRUST_PROXY=true) the client address comes from
  // X-Forwarded-For and the scheme from X-Forwarded-Proto; otherwise those headers are
  // client-controlled and ignored, so nobody can pick the address the login throttle counts.
  proxy: { koa: env.bool('CRM_TRUST_PROXY', false) },
  // The closed network makes update checks fail noisily; they also leak our version outward.
  logger: { updates: { enabled: false }, startup: { enabled: false } },
});
