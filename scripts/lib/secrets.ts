// Strapi's signing keys: taken from the environment, else generated once per install into
// .tmp/secrets.json (git-ignored, mode 600). Never committed.
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { TMP } from './paths';

const NAMES = ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
const random = () => crypto.randomBytes(24).toString('base64');

export function freshSecrets(): Record<string, string> {
  return Object.fromEntries(NAMES.map((n) => [n, n === 'APP_KEYS' ? [random(), random()].join(',') : random()]));
}

export function installSecrets(file = path.join(TMP, 'secrets.json')): Record<string, string> {
  let stored: Record<string, string> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    stored = freshSecrets();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return Object.fromEntries(NAMES.map((n) => [n, process.env[n] || stored[n]]));
}
