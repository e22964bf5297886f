// Who is calling, remembered per access token for a few seconds (issue #16). Without it every
// request re-reads the same things: users-permissions' login check (the token's epoch, the user
// and role, the plugin settings, the role's permissions: ≈7 queries), the role table's stamp, and
// the CRM actor (user, department, the manager's department tree and team: 3–6 queries). At a
// thousand records that overhead is most of the request.
//
// An entry holds users-permissions' answer (user, ability) and the CRM actor. Every entry is
// dropped at once when anything it was built from is written on this instance — a user (block,
// password, role, department, session epoch: so logout and ending sessions count), a role, a
// permission, a department, the plugin settings — through a database lifecycle, which also sees
// `db.query` writes and Strapi's admin panel. A write inside a transaction drops them again on
// commit, so a request that read the old rows meanwhile cannot keep them. A role edited on
// another instance counts at once too: each request still compares the role table's stamp (one
// small query, crm/roles.ts) and drops every entry when it moved; so do staff and departments
// (`sourcesMoved`). Permissions and plugin settings written by another instance are seen when
// the entries expire (`seconds`, config/caller-cache.json); 0 turns the cache off.
import type { Core } from '@strapi/strapi';
import type { Actor } from '../crm/access';
import { readConfig, refreshRoleTable } from '../crm/roles';
import { stampOf } from '../crm/stamp';

export const WATCHED_MODELS = [
  'plugin::users-permissions.user',
  'plugin::users-permissions.role',
  'plugin::users-permissions.permission',
  'api::department.department',
  'strapi::core-store',
];

interface Auth { authenticated?: boolean; credentials?: any; ability?: unknown; error?: unknown }
interface Entry { until: number; auth: Auth; sessionId?: string; actor?: Actor }
interface Config { seconds: number; maxEntries: number }

const entries = new Map<string, Entry>();
let generation = 0;
let config: Config | undefined;

const settings = (strapi: Core.Strapi): Config => {
  if (!config) {
    const shipped = readConfig<Partial<Config>>(strapi.dirs.app.root, 'caller-cache.json');
    const env = process.env.CRM_CALLER_CACHE_SECONDS;
    config = { seconds: env !== undefined && env !== '' ? Number(env) : shipped.seconds ?? 30, maxEntries: shipped.maxEntries ?? 10000 };
  }
  return config;
};

let sources: string | undefined;

/**
 * Has any instance written the staff or the departments since this one last looked? One small
 * read per request (staff and departments are tens of rows): their count and newest write, the
 * newest session epoch (a password, a block, a role change, a logout bump it) and the link rows
 * behind a member's role, department and supervisor and a department's parent (relinking adds
 * rows). So a member deactivated on one instance is refused by every instance at once.
 */
async function sourcesMoved(strapi: Core.Strapi): Promise<boolean> {
  const parts: string[] = [];
  for (const uid of ['plugin::users-permissions.user', 'api::department.department']) {
    const meta: any = strapi.db.metadata.get(uid as any);
    const epoch = meta.attributes.sessionsValidAfter?.columnName;
    parts.push(`(SELECT count(*) || ':' || coalesce(CAST(max(updated_at) AS TEXT), '')${epoch ? ` || ':' || coalesce(CAST(max(${epoch}) AS TEXT), '')` : ''} FROM ${meta.tableName})`);
    for (const a of Object.values<any>(meta.attributes)) {
      if (a.type === 'relation' && a.joinTable?.name) parts.push(`(SELECT count(*) || ':' || coalesce(max(id), 0) FROM ${a.joinTable.name})`);
    }
  }
  const now = await stampOf(strapi, 'caller-sources', `(SELECT ${parts.join(` || '/' || `)})`);
  if (now === sources) return false;
  const first = sources === undefined;
  sources = now;
  return !first;
}

/** Drops every entry; requests already under way will not store what they read. */
export function forgetCallers() {
  generation += 1;
  entries.clear();
}

const bearer = (ctx: any): string | undefined => {
  const m = /^Bearer (\S+)$/.exec(ctx.get?.('authorization') ?? '');
  return m?.[1];
};

/** The token's expiry (ms) from its payload, without checking it (users-permissions did). */
function expiresAt(token: string): number {
  try {
    const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).exp;
    return Number.isFinite(exp) ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

function store(strapi: Core.Strapi, token: string, entry: Omit<Entry, 'until'>) {
  const { seconds, maxEntries } = settings(strapi);
  const until = Math.min(Date.now() + seconds * 1000, expiresAt(token));
  if (until <= Date.now()) return;
  if (entries.size >= maxEntries) {
    const now = Date.now();
    for (const [k, e] of entries) if (e.until <= now) entries.delete(k);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  }
  entries.set(token, { ...entry, until });
}

function live(ctx: any): Entry | undefined {
  const token = bearer(ctx);
  const e = token ? entries.get(token) : undefined;
  if (e && e.until > Date.now()) return e;
  if (e) entries.delete(token!);
  return undefined;
}

/** users-permissions' content-API strategy with its answer cached per token. */
export function cachedStrategy(strapi: Core.Strapi, base: { authenticate: (ctx: any) => Promise<Auth> }) {
  return {
    ...base,
    async authenticate(ctx: any): Promise<Auth> {
      const token = bearer(ctx);
      if (!token || settings(strapi).seconds <= 0) return base.authenticate(ctx);
      if ((await refreshRoleTable(strapi)) || (await sourcesMoved(strapi))) forgetCallers();
      const hit = live(ctx);
      if (hit) {
        ctx.state.user = hit.auth.credentials;
        if (hit.sessionId) ctx.state.session = { id: hit.sessionId };
        if (hit.actor) ctx.state.crmActor = hit.actor;
        return hit.auth;
      }
      const seen = generation;
      const auth = await base.authenticate(ctx);
      if (auth?.authenticated && auth.credentials && seen === generation) {
        store(strapi, token, { auth, sessionId: ctx.state.session?.id });
      }
      return auth;
    },
  };
}

/**
 * The CRM actor of this request's token, loaded by `load` at most once per entry. `load` runs
 * after users-permissions authenticated the request, so the entry (if any) is this token's.
 */
export async function cachedActor(ctx: any, load: () => Promise<Actor | null>): Promise<Actor | null> {
  const entry = live(ctx);
  if (entry?.actor) return entry.actor;
  const seen = generation;
  const actor = await load();
  if (actor && entry && seen === generation) entry.actor = actor;
  return actor;
}

/** Drops the entries on every write to what they were built from (see the top of this file). */
export function watchCallerWrites(strapi: Core.Strapi) {
  // A new app instance (a restart within one process) starts empty and reads its own settings.
  config = undefined;
  sources = undefined;
  forgetCallers();
  const forget = () => {
    forgetCallers();
    // Inside a transaction: again on commit (a reader in between saw the rows as they were).
    if (strapi.db.inTransaction()) void strapi.db.transaction(async ({ onCommit }: any) => onCommit(forgetCallers));
  };
  const on = ['Create', 'CreateMany', 'Update', 'UpdateMany', 'Delete', 'DeleteMany'];
  strapi.db.lifecycles.subscribe({
    models: WATCHED_MODELS,
    ...Object.fromEntries(on.flatMap((a) => [[`before${a}`, forget], [`after${a}`, forget]])),
  } as any);
}

/** Wraps `register` so the content-API strategy users-permissions registers is the cached one. */
export function withCachedStrategy(register: ((ctx: any) => unknown) | undefined) {
  return (ctx: any) => {
    const auth = ctx.strapi.get('auth');
    const original = auth.register;
    auth.register = function (type: string, strategy: any) {
      const s = type === 'content-api' && strategy?.name === 'users-permissions' ? cachedStrategy(ctx.strapi, strategy) : strategy;
      return original.call(this, type, s);
    };
    try {
      return register?.(ctx);
    } finally {
      auth.register = original;
    }
  };
}
