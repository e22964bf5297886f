// #2 CORS only for configured origins; #13 no X-Powered-By, a CSP without wildcards or third-party
// hosts, HSTS only over HTTPS (the scheme a trusted proxy reports).
import { bootApp, type Client, type TestApp } from '../../helpers/app';

const PARTNER = 'https://partner.example.cn';
let app: TestApp;
let sales: Client;

beforeAll(async () => {
  // NODE_ENV=production as `npm start` runs it: in development Strapi itself opens /admin's CSP
  // (connect-src http: https: ws:) for Vite's hot reload.
  app = await bootApp({ env: { NODE_ENV: 'production', CRM_CORS_ORIGINS: ` ${PARTNER}/ , https://ops.example.cn`, CRM_TRUST_PROXY: 'true' } });
  await app.staff('sales1', 'sales');
  sales = await app.as('sales1');
});
afterAll(async () => {
  await app?.stop();
  process.env.NODE_ENV = 'test';
});

const withOrigin = (origin: string) => sales.get('/api/crm/me').set('Origin', origin);

describe('CORS', () => {
  it('answers a configured origin, with credentials and the exposed Content-Range', async () => {
    const res = await withOrigin(PARTNER).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(PARTNER);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
  });

  it.each(['https://evil.example.com', 'null', 'http://partner.example.cn', 'https://partner.example.cn.evil.com'])(
    'gives %s no CORS headers at all',
    async (origin) => {
      const res = await withOrigin(origin);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    },
  );

  it('refuses a preflight from an unknown origin and answers one from a configured origin', async () => {
    const pre = (origin: string) => app.http().options('/api/crm/leads').set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,content-type');
    expect((await pre('https://evil.example.com')).headers['access-control-allow-origin']).toBeUndefined();
    const ok = await pre('https://ops.example.cn');
    expect(ok.headers['access-control-allow-origin']).toBe('https://ops.example.cn');
    expect(ok.headers['access-control-allow-methods']).toContain('POST');
  });

  it('treats the app\'s own origin as allowed', async () => {
    const res = await sales.get('/api/crm/me').set('Host', 'crm.example.cn').set('Origin', 'http://crm.example.cn');
    expect(res.headers['access-control-allow-origin']).toBe('http://crm.example.cn');
  });
});

describe('security headers', () => {
  const paths = ['/', '/api/crm/me', '/admin'];

  it.each(paths)('%s: no X-Powered-By, no HSTS over plain HTTP, a tight CSP', async (path) => {
    const res = await sales.get(path);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const csp: string = res.headers['content-security-policy'];
    const directive = (name: string) => (csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '').split(/\s+/).slice(1);
    expect(directive('connect-src')).toEqual(expect.arrayContaining(["'self'"]));
    expect(directive('connect-src')).not.toContain('https:');
    expect(directive('connect-src')).not.toContain('http:');
    expect(directive('img-src')).not.toContain('https://market-assets.strapi.io');
    expect(csp).not.toMatch(/market-assets|strapi\.io|cdn\.jsdelivr/);
    expect(directive('frame-ancestors')).toEqual(["'self'"]);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(paths)('%s: HSTS when a trusted proxy says the request came over HTTPS', async (path) => {
    const res = await sales.get(path).set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains$/);
  });
});
