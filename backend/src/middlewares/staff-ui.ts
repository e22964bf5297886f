import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

// Serves the built react-admin app at `/` on Strapi's own port, with an SPA fallback to
// index.html. Strapi's own prefixes are left alone so the API and /admin keep working.
const STRAPI_PREFIXES = [
  '/api', '/admin', '/content-manager', '/content-type-builder', '/upload', '/users-permissions',
  '/i18n', '/email', '/_health', '/uploads', '/documentation', '/review-workflows',
  '/content-releases', '/favicon',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export default (config: { root?: string }, { strapi }: { strapi: Core.Strapi }) => {
  const root = path.resolve(
    config.root ?? process.env.CRM_UI_DIST ?? path.join(strapi.dirs.app.root, '..', 'admin-ui', 'dist'),
  );
  return async (ctx: any, next: () => Promise<void>) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || STRAPI_PREFIXES.some((p) => ctx.path === p || ctx.path.startsWith(p + '/'))) {
      return next();
    }
    const rel = path.normalize(decodeURIComponent(ctx.path)).replace(/^([/\\])+/, '');
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return next();
    let stat = rel ? await fs.promises.stat(file).catch(() => null) : null;
    if (!stat?.isFile()) {
      // Unknown asset paths are real 404s; anything else is a client-side route.
      if (path.extname(rel) || !fs.existsSync(path.join(root, 'index.html'))) return next();
      file = path.join(root, 'index.html');
      stat = await fs.promises.stat(file);
    }
    const isAsset = file.includes(`${path.sep}assets${path.sep}`);
    ctx.set('Cache-Control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    ctx.length = stat.size;
    ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file);
  };
};
