// Writes backend/src/crm/panel-zh.json, the backend's copy of the staff UI's Chinese refusal texts
// and record/field labels, for Strapi's admin panel (field labels, validation messages). The staff
// UI catalogs stay the one source: tests/unit/crm/panel-zh.test.ts fails when this copy drifts.
// The backend build (scripts/lib/build.ts) refreshes it; by hand: npx tsx scripts/gen/panel-zh.ts
import fs from 'fs';
import path from 'path';
import { codesZh } from '../../admin-ui/src/i18n/messages/codes.zh';
import { recordsZh } from '../../admin-ui/src/i18n/messages/records.zh';

export const PANEL_ZH_FILE = path.join(__dirname, '..', '..', 'backend', 'src', 'crm', 'panel-zh.json');

export function panelZh() {
  const resources: Record<string, { name: string; fields: Record<string, string> }> = {};
  for (const [name, r] of Object.entries(recordsZh as Record<string, { name: string; fields?: Record<string, unknown> }>)) {
    const fields = Object.fromEntries(Object.entries(r.fields ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    resources[name] = { name: r.name, fields };
  }
  return { codes: codesZh as Record<string, string>, resources };
}

export const panelZhText = () => JSON.stringify(panelZh(), null, 2) + '\n';

/** Rewrites the copy when it differs (the backend build calls this before tsc). */
export function writePanelZh() {
  const text = panelZhText();
  if (fs.readFileSync(PANEL_ZH_FILE, { encoding: 'utf8', flag: 'a+' }) !== text) fs.writeFileSync(PANEL_ZH_FILE, text);
}

if (require.main === module) writePanelZh();
