// The spine's promise: a concept is one folder. Generic machinery (crm/) never imports a
// concept, and every concept folder with a resource is discovered without being listed anywhere.
import fs from 'fs';
import path from 'path';

const SRC = path.join(__dirname, '..', '..', '..', 'backend', 'src');

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('crm/ is generic', () => {
  it('imports nothing from api/', () => {
    const offenders = filesUnder(path.join(SRC, 'crm'))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '(\.\.\/)+api\//.test(fs.readFileSync(f, 'utf8')) || /require\(['"](\.\.\/)+api\//.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('names no concept uid (api::…) in controllers, routes, index.ts or bootstrap/roles', () => {
    const places = [
      path.join(SRC, 'index.ts'),
      path.join(SRC, 'bootstrap', 'roles.ts'),
      path.join(SRC, 'bootstrap', 'config.ts'),
      ...fs.readdirSync(path.join(SRC, 'api')).flatMap((c) =>
        ['controllers', 'routes'].flatMap((k) => {
          const dir = path.join(SRC, 'api', c, k);
          return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
        }),
      ),
    ];
    const offenders = places.filter((f) => /'api::[a-z-]+\.[a-z-]+'/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});

describe('discovery', () => {
  it('finds every concept folder that declares a resource, with its own name and uid', () => {
    // required from source: the registry scans the folder it sits next to
    const { resources } = require('../../../backend/src/crm/registry');
    const found = resources();
    const folders = fs.readdirSync(path.join(SRC, 'api')).filter((c) => fs.existsSync(path.join(SRC, 'api', c, 'resource.ts')));
    expect(found.map((r: any) => r.folder)).toEqual(folders.sort());
    for (const r of found) {
      expect(r.api).toBe(`api::${r.folder}.${r.folder}`);
      expect(r.uid).toMatch(/^(api|plugin)::/);
    }
    expect(new Set(found.map((r: any) => r.name)).size).toBe(found.length);
  });
});
