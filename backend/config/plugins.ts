import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      // Short-lived access tokens renewed through Strapi's own refresh sessions.
      jwtManagement: 'refresh',
      sessions: {
        accessTokenLifespan: env.int('CRM_ACCESS_TOKEN_SECONDS', 1800),
        maxRefreshTokenLifespan: env.int('CRM_REFRESH_TOKEN_SECONDS', 30 * 24 * 3600),
        idleRefreshTokenLifespan: env.int('CRM_REFRESH_IDLE_SECONDS', 7 * 24 * 3600),
      },
      jwtSecret: env('JWT_SECRET'),
      jwt: { algorithm: 'HS256' },
      register: { allowedFields: [] },
      // Strapi's per-address limit stays on its remaining routes (change-password); login has
      // our own throttle, counting failures per account and address (auth/login-throttle.ts).
      ratelimit: { interval: 60000, max: 30 },
    },
  },
});
