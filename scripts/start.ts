// `npm start`: build what changed, start Strapi (API + staff UI + /admin) on one port, wait
// for /_health, print where to go and, in demo mode, who to log in as.
import { spawn } from 'child_process';
import path from 'path';
import { ensureBuilt } from './lib/build';
import { installSecrets } from './lib/secrets';
import { BACKEND, ROOT } from './lib/paths';

const env = { ...process.env };
const embedded = !env.DATABASE_URL && (env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite';
// The embedded default is the try-it-out setup: demo data unless told otherwise.
if (embedded && env.CRM_DEMO === undefined) env.CRM_DEMO = 'true';
env.NODE_ENV ??= 'production';
env.STRAPI_TELEMETRY_DISABLED = 'true';
env.DATABASE_FILENAME ??= path.join(ROOT, '.tmp', 'data.db');
Object.assign(env, installSecrets());

const t0 = Date.now();
ensureBuilt(['backend', 'ui', 'adminPanel']);
console.log(`[start] starting the server (${embedded ? 'SQLite ' + env.DATABASE_FILENAME : 'PostgreSQL'})…`);

const strapiBin = path.join(ROOT, 'node_modules', '.bin', 'strapi');
const child = spawn(strapiBin, ['start'], { cwd: BACKEND, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

const port = Number(env.PORT ?? 1337);
const url = `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : 'localhost'}:${port}`;
(async () => {
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const ok = await fetch(`${url}/_health`).then((r) => r.status === 204, () => false);
    if (ok) break;
  }
  const lines = [
    '',
    `CRM is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    `  Staff UI:            ${url}/`,
    `  Strapi admin panel:  ${url}/admin`,
    `  API:                 ${url}/api/crm/leads`,
  ];
  if (env.CRM_DEMO === 'true') {
    const pw = env.CRM_DEMO_PASSWORD || 'crm-demo-2026';
    lines.push(
      '  Demo logins (staff UI), password ' + pw + ':',
      '    admin (系统管理员), manager (销售经理), sales1, sales2 (销售顾问),',
      '    reception (前台接待), marketing (市场), service (客服)',
      `  Strapi admin panel:  admin@demo.crm.local / ${env.CRM_DEMO_ADMIN_PASSWORD || 'CrmDemo-2026'}`,
    );
  }
  console.log(lines.join('\n') + '\n');
})();
