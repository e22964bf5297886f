// The real server in a child process, for tests and benchmarks that must kill or load it from
// outside: `node tests/helpers/child-server.js` with the server's environment (DATABASE_*,
// secrets, PORT). Boots the compiled backend like `strapi start` (no admin panel), creates the
// staff listed in CRM_TEST_STAFF (JSON [{username, role, department?}], password
// CRM_TEST_PASSWORD) when they are missing, then prints `ready <port>` on stdout.
const path = require('path');

const BACKEND = path.resolve(__dirname, '..', '..', 'backend');

async function main() {
  process.chdir(BACKEND);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: BACKEND, distDir: path.join(BACKEND, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = process.env.CRM_CHILD_LOG_LEVEL || 'error';
  await strapi.load();
  for (const s of JSON.parse(process.env.CRM_TEST_STAFF || '[]')) {
    const users = strapi.db.query('plugin::users-permissions.user');
    if (await users.findOne({ where: { username: s.username } })) continue;
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: s.role } });
    await strapi.plugin('users-permissions').service('user').add({
      username: s.username, email: `${s.username}@test.local`, password: process.env.CRM_TEST_PASSWORD, provider: 'local',
      confirmed: true, blocked: false, role: role.id, displayName: s.username, ...(s.department ? { department: s.department } : {}),
    });
  }
  await strapi.listen();
  const address = strapi.server.httpServer.address();
  process.stdout.write(`ready ${address.port}\n`);
}

main().catch((e) => {
  process.stderr.write(`[child-server] ${e.stack || e}\n`);
  process.exit(1);
});
