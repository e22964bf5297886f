// Configuration as one file (export / import with a dry run) and the pipeline presets of
// config/presets/*.json, for admins: each needs the caller's grants on every resource it touches.
import fs from 'fs';
import path from 'path';
import { handle } from '../../../crm/http';
import { assertCan, type Actor } from '../../../crm/access';
import { roleTable, configDir } from '../../../crm/roles';
import { resources } from '../../../crm/registry';
import { notFound } from '../../../crm/errors';
import { applyConfig, exportConfig, resourcesOf } from '../../../crm/config-transfer';

const NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;
const presetsDir = () => path.join(configDir(strapi.dirs.app.root), 'presets');
const dryRunOf = (ctx: any) => ctx.query?.dryRun === 'true';

const mayEdit = (actor: Actor, names: string[]) => { for (const n of names) assertCan(roleTable(), actor, n, 'edit'); };

function readPreset(name: unknown): Record<string, unknown> {
  const file = typeof name === 'string' && NAME.test(name) ? path.join(presetsDir(), `${name}.json`) : '';
  if (!file || !fs.existsSync(file)) throw notFound(`no preset ${String(name)}`, { field: 'name', code: 'unknown_preset', name: String(name) });
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export default {
  export: handle(async (ctx, actor) => {
    for (const r of resources().filter((x) => x.transfer)) assertCan(roleTable(), actor, r.name, 'list');
    ctx.set('Content-Disposition', `attachment; filename="crm-config-${new Date().toISOString().slice(0, 10)}.json"`);
    return exportConfig(strapi);
  }),
  import: handle(async (ctx, actor) => {
    const doc = ctx.request.body;
    mayEdit(actor, resourcesOf(doc));
    return applyConfig(strapi, doc, { dryRun: dryRunOf(ctx), intent: 'config-import' });
  }),
  presets: handle(async (_ctx, actor) => {
    assertCan(roleTable(), actor, 'stages', 'edit');
    const files = fs.existsSync(presetsDir()) ? fs.readdirSync(presetsDir()).filter((f) => f.endsWith('.json')).sort() : [];
    return files.map((f) => {
      const p: any = JSON.parse(fs.readFileSync(path.join(presetsDir(), f), 'utf8'));
      return { name: f.replace(/\.json$/, ''), label: p.label ?? f, labelEn: p.labelEn ?? null, description: p.description ?? null };
    });
  }),
  applyPreset: handle(async (ctx, actor) => {
    const preset = readPreset(ctx.params.name);
    const { name: _n, label: _l, labelEn: _e, description: _d, ...doc } = preset;
    mayEdit(actor, resourcesOf(doc));
    return applyConfig(strapi, doc, { dryRun: dryRunOf(ctx), intent: `preset:${ctx.params.name}`.slice(0, 30) });
  }),
};
