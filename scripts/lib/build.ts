// Builds only what changed: the backend's TypeScript, the staff UI (Vite) and Strapi's admin
// panel, each keyed by a hash of its inputs stored in .tmp/build-state.json.
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { spawnSync } from 'child_process';
import { ADMIN_UI, BACKEND, ROOT, TMP } from './paths';
import { writePanelZh } from '../gen/panel-zh';

const STATE = path.join(TMP, 'build-state.json');
const SKIP = new Set(['node_modules', 'dist', 'build', '.cache', '.strapi', '.tmp']);

function hashTree(hash: crypto.Hash, entry: string) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry).sort()) if (!SKIP.has(name)) hashTree(hash, path.join(entry, name));
  } else {
    hash.update(path.relative(ROOT, entry));
    hash.update(fs.readFileSync(entry));
  }
}

function inputsHash(entries: string[]) {
  const hash = crypto.createHash('sha256');
  for (const e of entries) hashTree(hash, e);
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest('hex');
}

function readState(): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(STATE, 'utf8'));
  } catch {
    return {};
  }
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status})`);
}

interface Target {
  name: string;
  label: string;
  inputs: string[];
  output: string;
  build: () => void;
}

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

export const TARGETS: Record<string, Target> = {
  backend: {
    name: 'backend',
    label: 'backend TypeScript (tsc)',
    // + the staff UI's Chinese catalogs, copied into backend/src/crm/panel-zh.json for the admin panel
    inputs: [...['src', 'config', 'tsconfig.json', 'package.json', 'favicon.png'].map((p) => path.join(BACKEND, p)), path.join(ADMIN_UI, 'src', 'i18n', 'messages')],
    output: path.join(BACKEND, 'dist', 'src', 'index.js'),
    build: () => {
      writePanelZh();
      run(bin('tsc'), ['-p', '.'], BACKEND);
    },
  },
  ui: {
    name: 'ui',
    label: 'staff UI (vite build)',
    inputs: ['src', 'index.html', 'vite.config.ts', 'package.json', 'public'].map((p) => path.join(ADMIN_UI, p)),
    output: path.join(ADMIN_UI, 'dist', 'index.html'),
    build: () => run(bin('vite'), ['build', '--logLevel', 'warn'], ADMIN_UI, { NODE_ENV: 'production' }),
  },
  adminPanel: {
    name: 'adminPanel',
    label: "Strapi's admin panel (strapi build, about a minute)",
    inputs: [path.join(BACKEND, 'src', 'admin'), path.join(BACKEND, 'package.json'), path.join(BACKEND, 'config', 'admin.ts')],
    output: path.join(BACKEND, 'dist', 'build', 'index.html'),
    build: () => run(bin('strapi'), ['build', '--minify'], BACKEND, { NODE_ENV: 'production' }),
  },
};

/** Builds each named target whose inputs changed since its last build (or whose output is gone). */
export function ensureBuilt(names: (keyof typeof TARGETS)[], opts: { force?: boolean; log?: (s: string) => void } = {}) {
  const log = opts.log ?? ((s: string) => console.log(s));
  fs.mkdirSync(TMP, { recursive: true });
  for (const name of names) {
    const t = TARGETS[name];
    const hash = inputsHash(t.inputs);
    const state = readState();
    if (!opts.force && state[name] === hash && fs.existsSync(t.output)) continue;
    const t0 = Date.now();
    log(`[build] ${t.label}: sources changed, building…`);
    t.build();
    log(`[build] ${t.label}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    fs.writeFileSync(STATE, JSON.stringify({ ...readState(), [name]: hash }, null, 2));
  }
}
