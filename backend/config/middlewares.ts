import type { Core } from '@strapi/strapi';

// Cross-origin callers allowed besides the app's own origin (same-origin needs no CORS at all):
// a comma list such as `https://crm.example.com,https://ops.example.com`. Never `*` with
// credentials, never `null` (sandboxed iframes and file:// pages send that).
const corsOrigins = (raw: string | undefined) =>
  (raw ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter((o) => o && o !== '*' && o !== 'null');

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const allowed = corsOrigins(env('CRM_CORS_ORIGINS', ''));
  return [
    'strapi::logger',
    'global::panel-errors',
    'strapi::errors',
    'global::json-errors',
    {
      name: 'strapi::security',
      config: {
        // Strapi's defaults allow `connect-src https:` (any host) and images from
        // market-assets.strapi.io; we serve everything ourselves. Strapi merges these arrays with
        // its defaults index by index, so each list is as long as the default it replaces.
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            'connect-src': ["'self'", "'self'"],
            'img-src': ["'self'", 'data:', 'blob:', "'self'"],
            'frame-ancestors': ["'self'"],
          },
        },
        // HSTS over plain HTTP is meaningless and sticks to hosts reached by IP: global::hsts
        // sends it on HTTPS responses only.
        hsts: false,
      },
    },
    'global::hsts',
    {
      name: 'strapi::cors',
      config: {
        origin: (ctx: any) => [ctx.origin, ...allowed],
        // react-admin reads the total from Content-Range; browsers hide it unless exposed.
        expose: ['Content-Range', 'WWW-Authenticate', 'Server-Authorization'],
      },
    },
    // No strapi::poweredBy: an X-Powered-By header only tells scanners what to try.
    'strapi::query',
    'global::crm-auth',
    'global::json-body',
    // imports only: a spreadsheet-sized JSON body (config/import.json maxBodyBytes)
    'global::import-body',
    {
      name: 'strapi::body',
      // No route takes uploads: multipart is off everywhere, so nothing is parsed (or written to
      // a temp file) before authorization; JSON bodies are capped far below Strapi's defaults.
      config: { multipart: false, jsonLimit: '1mb', formLimit: '256kb', textLimit: '256kb' },
    },
    'global::body-guard',
    'strapi::session',
    'strapi::favicon',
    'global::staff-ui',
    'strapi::public',
  ];
};
