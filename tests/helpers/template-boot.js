// Boots the compiled app once on the database its environment names and stops it: the tests'
// global setup makes the template database every test file copies (schema, roles, shipped config).
const path = require('path');

const BACKEND = path.resolve(__dirname, '..', '..', 'backend');

(async () => {
  process.chdir(BACKEND);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: BACKEND, distDir: path.join(BACKEND, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'error';
  await strapi.load();
  await strapi.destroy();
  process.exit(0);
})().catch((e) => {
  process.stderr.write(`[template] ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
