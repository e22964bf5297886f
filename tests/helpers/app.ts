// Boots the real Strapi app (compiled by global setup) on a fresh database, for one test file.
// Strapi and the compiled backend are loaded by Node's own require (tests/helpers/environment.js),
// once per jest worker: jest's per-file module registry made every file pay ~8 s of loading for
// a boot that takes ~2 s on loaded modules. The app therefore reads the worker's real process:
// each file starts from the worker's environment as it was, and its own changes to `process.env`
// (a gateway's address, a limit) reach the app as before.
import path from 'path';
import request from 'supertest';
import { BACKEND } from '../../scripts/lib/paths';
import { freshSecrets } from '../../scripts/lib/secrets';
import { freshDatabase, type TestDatabase } from './database';

export const PASSWORD = 'test-pass-2026';

const shared = globalThis as { crmNodeRequire?: NodeRequire; crmNodeProcess?: NodeJS.Process };
const nodeRequire: NodeRequire = shared.crmNodeRequire ?? require;
const nodeProcess: NodeJS.Process & { crmPristineEnv?: NodeJS.ProcessEnv } = shared.crmNodeProcess ?? process;
const pristine = (nodeProcess.crmPristineEnv ??= { ...nodeProcess.env });
for (const k of Object.keys(nodeProcess.env)) if (!(k in pristine)) delete nodeProcess.env[k];
Object.assign(nodeProcess.env, pristine);
process.env = nodeProcess.env;

export interface TestApp {
  strapi: any;
  http: () => request.Agent;
  /** creates a staff member with `role` and returns their id */
  staff: (username: string, role: string, extra?: Record<string, unknown>) => Promise<number>;
  /** logs in and returns a supertest agent-like helper bound to the bearer token */
  as: (username: string) => Promise<Client>;
  /** destroys Strapi and drops the database (`keepDatabase`: leaves it for another boot) */
  stop: (opts?: { keepDatabase?: boolean }) => Promise<void>;
  database: TestDatabase;
}

export interface Client {
  token: string;
  refreshToken: string;
  get: (url: string) => request.Test;
  post: (url: string, body?: unknown) => request.Test;
  put: (url: string, body?: unknown) => request.Test;
  del: (url: string) => request.Test;
}

/** A compiled backend module (`api/job-run/scheduler`), the instance the booted app uses. */
export const backendModule = (p: string) => nodeRequire(path.join(BACKEND, 'dist', 'src', p));

/** The environment a test boots the app with (also the template database's first boot). */
export function testEnv(db: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...freshSecrets(), ...db.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
    SERVE_ADMIN: 'false',
    CRM_DEMO: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'test',
    // Test files log in many times from one address; the throttle has its own test file.
    CRM_LOGIN_ADDRESS_PER_MINUTE: '100000',
    CRM_JOBS: 'false', // the job tests run jobs themselves
    ...extra,
  };
}

export async function bootApp(opts: { listen?: boolean; env?: Record<string, string>; database?: TestDatabase } = {}): Promise<TestApp> {
  // `database`: boot on the one a previous app used (restarts, state shared through the database).
  // Otherwise a copy of the run's template (tests/helpers/global-setup.ts), as good as a first boot.
  const db: TestDatabase = opts.database ?? (await freshDatabase({ template: true }));
  Object.assign(process.env, testEnv(db, opts.env));
  // Strapi's destroy() removes every listener of the process, the jest worker's own included:
  // the ones there before the boot come back after it.
  const listeners = nodeProcess.eventNames().map((e) => [e, nodeProcess.rawListeners(e)] as const);
  const { createStrapi } = nodeRequire('@strapi/strapi');
  const strapi = createStrapi({ appDir: BACKEND, distDir: path.join(BACKEND, 'dist'), autoReload: false, serveAdminPanel: opts.env?.SERVE_ADMIN === 'true' });
  strapi.log.level = 'error';
  await strapi.load();
  if (opts.listen) await strapi.listen();
  else strapi.server.mount();

  const http = () => request(strapi.server.httpServer) as unknown as request.Agent;
  const app: TestApp = {
    strapi,
    http,
    async staff(username, role, extra = {}) {
      const r = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: role } });
      if (!r) throw new Error(`no role ${role}`);
      const user = await strapi.plugin('users-permissions').service('user').add({
        username, email: `${username}@test.local`, password: PASSWORD, provider: 'local',
        confirmed: true, blocked: false, role: r.id, displayName: username, ...extra,
      });
      return user.id;
    },
    async as(username) {
      const res = await http().post('/api/auth/local').send({ identifier: username, password: PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      const auth = (t: request.Test) => t.set('Authorization', `Bearer ${res.body.jwt}`);
      return {
        token: res.body.jwt,
        refreshToken: res.body.refreshToken,
        get: (url) => auth(http().get(url)),
        post: (url, body) => auth(http().post(url)).send(body as object),
        put: (url, body) => auth(http().put(url)).send(body as object),
        del: (url) => auth(http().delete(url)),
      };
    },
    database: db,
    async stop(stopOpts = {}) {
      await strapi.destroy();
      for (const [e, ls] of listeners) for (const l of ls) if (!nodeProcess.rawListeners(e).includes(l)) nodeProcess.on(e as any, l as any);
      if (!stopOpts.keepDatabase) await db.drop();
    },
  };
  return app;
}

/** `?sort=..&range=..&filter=..` from plain values, JSON-encoded as react-admin does. */
export function listQuery(p: { sort?: unknown; range?: unknown; filter?: unknown }) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined) q.set(k, JSON.stringify(v));
  return q.toString();
}
