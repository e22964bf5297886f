export default [
  'strapi::logger',
  'strapi::errors',
  'global::json-errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    // react-admin reads the total from Content-Range; browsers hide it unless exposed.
    config: { expose: ['Content-Range', 'WWW-Authenticate', 'Server-Authorization'] },
  },
  'strapi::poweredBy',
  'strapi::query',
  'global::crm-auth',
  'global::json-body',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'global::staff-ui',
  'strapi::public',
];
