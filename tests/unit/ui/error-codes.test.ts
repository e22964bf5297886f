// Every refusal code the backend throws (`code: '…'` in backend/src) has a text in Chinese and in
// English (crm.errors.codes.<code>), with the same %{params}; every audited field has a label
// in both languages (the timeline must never show a raw attribute name such as completedAt).
import fs from 'fs';
import path from 'path';
import { codesEn } from '../../../admin-ui/src/i18n/messages/codes.en';
import { codesZh } from '../../../admin-ui/src/i18n/messages/codes.zh';
import { recordsEn } from '../../../admin-ui/src/i18n/messages/records.en';
import { recordsZh } from '../../../admin-ui/src/i18n/messages/records.zh';

const ROOT = path.join(__dirname, '../../..');
const BACKEND = path.join(ROOT, 'backend/src');

const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.ts$/.test(e.name) ? [full] : [];
  });

const thrownCodes = () => {
  const codes = new Map<string, string>();
  for (const file of files(BACKEND)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bcode:\s*'([a-z][a-z0-9_]*)'/g)) {
      codes.set(m[1], path.relative(ROOT, file));
    }
  }
  return codes;
};

const params = (text: string) => [...new Set(text.match(/%\{[a-z_]+\}/g) ?? [])].sort();

it('finds the codes the backend throws', () => {
  expect(thrownCodes().size).toBeGreaterThan(20);
});

it.each([...thrownCodes()])('code %s (%s) has a text in zh and en', (code) => {
  const en = (codesEn as Record<string, string>)[code];
  const zh = (codesZh as Record<string, string>)[code];
  expect({ code, en: typeof en, zh: typeof zh }).toEqual({ code, en: 'string', zh: 'string' });
  expect(params(zh)).toEqual(params(en));
  expect(zh.replace(/%\{[a-z_]+\}/g, '').replace('JSON', '')).not.toMatch(/[A-Za-z]{3,}/); // no English in the Chinese text
});

it('lists the codes the spine files are to throw after the refactor', () => {
  for (const code of ['required', 'invalid', 'unknown_field', 'version_conflict', 'version_required', 'not_found', 'forbidden',
    'transition_not_allowed', 'via_action_only', 'link_not_visible', 'mobile_taken', 'pool_rule', 'invalid_mobile', 'invalid_email', 'invalid_query']) {
    expect(codesEn).toHaveProperty(code);
    expect(codesZh).toHaveProperty(code);
  }
});

/** Attribute names of a content type as the API names them (Strapi reserves `status`). */
const API_RENAMES: Record<string, Record<string, string>> = { leads: { leadStatus: 'status' }, opportunities: { opportunityStatus: 'status' } };
const AUDITED: Record<string, string> = {
  leads: 'lead', customers: 'customer', opportunities: 'opportunity', interactions: 'interaction', 'visit-logs': 'visit-log',
};

const auditedFields = () => {
  const out: [string, string][] = [];
  for (const [resource, folder] of Object.entries(AUDITED)) {
    const schema = JSON.parse(fs.readFileSync(path.join(BACKEND, `api/${folder}/content-types/${folder}/schema.json`), 'utf8'));
    for (const [attr, a] of Object.entries<any>(schema.attributes)) {
      if (a.private || attr === 'version') continue;
      out.push([resource, API_RENAMES[resource]?.[attr] ?? attr]);
    }
  }
  return out;
};

it.each(auditedFields())('%s.%s has a label in zh and en', (resource, field) => {
  const en = (recordsEn as any)[resource]?.fields?.[field];
  const zh = (recordsZh as any)[resource]?.fields?.[field];
  expect({ field, en: typeof en, zh: typeof zh }).toEqual({ field, en: 'string', zh: 'string' });
});
