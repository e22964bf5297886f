// Starts the real server as a child process (tests/helpers/child-server.js) on a database of
// the caller's choosing, for tests that kill it (crash.test.ts) and the load soak.
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { freshSecrets } from '../../scripts/lib/secrets';

export interface ChildServer {
  proc: ChildProcess;
  base: string;
  /** SIGKILL, and wait for the process to be gone */
  kill: () => Promise<void>;
  /** SIGTERM, and wait */
  stop: () => Promise<void>;
  /** resident memory of the server process in MB (Linux /proc) */
  rssMb: () => number;
}

/** The environment a child server runs with: fixed secrets (kept across restarts), no demo data. */
export function serverEnv(db: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(process.env as Record<string, string>), ...freshSecrets(), ...db,
    STRAPI_TELEMETRY_DISABLED: 'true', SERVE_ADMIN: 'false', CRM_DEMO: 'false', HOST: '127.0.0.1', PORT: '0',
    NODE_ENV: 'test', CRM_LOGIN_RATE_MAX: '100000', ...extra,
  };
}

export function startServer(env: Record<string, string>, timeoutMs = 90000): Promise<ChildServer> {
  const proc = spawn(process.execPath, [path.join(__dirname, 'child-server.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => { err = (err + d).slice(-4000); });
  const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const end = async (sig: NodeJS.Signals) => { if (proc.exitCode === null && proc.signalCode === null) proc.kill(sig); await gone; };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`server did not start in ${timeoutMs} ms: ${err}`)); }, timeoutMs);
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /ready (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          proc, base: `http://127.0.0.1:${m[1]}`,
          kill: () => end('SIGKILL'), stop: () => end('SIGTERM'),
          rssMb: () => {
            const status = require('fs').readFileSync(`/proc/${proc.pid}/status`, 'utf8');
            return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
          },
        });
      }
    });
    proc.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`server exited (${code ?? signal}) before it was ready: ${err}`)); });
  });
}

/** A tiny JSON client over fetch, bound to a bearer token. */
export async function login(base: string, identifier: string, password: string) {
  const res = await fetch(`${base}/api/auth/local`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier, password }) });
  const body: any = await res.json();
  if (res.status !== 200) throw new Error(`login ${identifier}: ${res.status} ${JSON.stringify(body)}`);
  const call = async (method: string, url: string, data?: unknown) => {
    const r = await fetch(`${base}${url}`, {
      method, headers: { Authorization: `Bearer ${body.jwt}`, ...(data !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: data !== undefined ? JSON.stringify(data) : undefined,
    });
    const text = await r.text();
    let json: any = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    return { status: r.status, body: json, headers: r.headers };
  };
  return { token: body.jwt as string, user: body.user, get: (u: string) => call('GET', u), post: (u: string, d: unknown = {}) => call('POST', u, d), put: (u: string, d: unknown) => call('PUT', u, d) };
}
export type ChildClient = Awaited<ReturnType<typeof login>>;
