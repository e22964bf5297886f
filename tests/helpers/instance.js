// A second app instance for the multi-instance job tests: boots the compiled app on the database
// the environment names (the parent test's), then answers stdin commands, one JSON line each:
//   shouldRun <key>  → node-cron's coordinator question for that slot: {"allowed": true|false}
// Plain JavaScript so that it runs with node alone, in its own process (Strapi is a global).
const path = require('path');
const readline = require('readline');

const BACKEND = path.resolve(__dirname, '..', '..', 'backend');

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: BACKEND, distDir: path.join(BACKEND, 'dist'), autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  const { coordinator } = require(path.join(BACKEND, 'dist', 'src', 'api', 'job-run', 'scheduler'));
  const say = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
  say({ ready: true });
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const [cmd, arg] = line.trim().split(/\s+/);
    if (cmd === 'shouldRun') say({ allowed: await coordinator.shouldRun(arg, 60000) });
    else if (cmd === 'quit') break;
  }
  await app.destroy();
  process.exit(0);
})().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
