/**
 * Run-time twin of the compile-time check in src/i18n/types.ts: the Chinese catalog
 * has exactly the keys of the English one (ra-language-english + our domain
 * messages), and every translation keeps the %{placeholders} of its English text.
 *
 *   npm run check:i18n -w admin-ui      (uses tsx from the root devDependencies)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import en from '../src/i18n/en';
import zh from '../src/i18n/zh';

type Tree = { [key: string]: Tree | string | undefined };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else if (value) for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
};

const placeholders = (text: string): string[] =>
  [...new Set(text.match(/%\{[a-z_]+\}/gi) ?? [])].filter(p => p !== '%{smart_count}').sort();

const english = flatten(en as Tree);
const chinese = flatten(zh as Tree);
const problems: string[] = [];

for (const key of english.keys()) if (!chinese.has(key)) problems.push(`missing in zh: ${key}`);
for (const key of chinese.keys()) if (!english.has(key)) problems.push(`not in en: ${key}`);
for (const [key, text] of english) {
  const translated = chinese.get(key);
  if (translated === undefined) continue;
  if (translated.includes('||||')) problems.push(`plural forms in zh: ${key}`);
  // Chinese has one form for English's "one |||| many": it must keep the placeholders
  // all English forms share, and may use any placeholder one of them uses.
  // %{smart_count} only selects the English form, so Chinese may omit it.
  const forms = text.split('||||').map(placeholders);
  const required = forms.reduce((acc, form) => acc.filter(p => form.includes(p)));
  const allowed = new Set(forms.flat());
  const got = placeholders(translated);
  const missing = required.filter(p => !got.includes(p));
  const unknown = got.filter(p => !allowed.has(p));
  if (missing.length > 0 || unknown.length > 0) {
    problems.push(`placeholders in ${key}: missing [${missing.join(',')}] unknown [${unknown.join(',')}]`);
  }
}

// Every message key the sources spell out in full ('crm.kanban.title', "resources.leads.name")
// exists in the catalog: a typo would show the raw key on screen.
const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
/** Files whose `crm.*` strings are storage and lock names, not messages. */
const NOT_MESSAGES = new Set([path.join('auth', 'session.ts')]);
const KEY = /['"`]((?:crm|ra)\.[A-Za-z0-9_.-]+)['"`]/g;
const groups = new Set([...english.keys()].flatMap(k => k.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
let used = 0;
for (const file of sourceFiles(SRC)) {
  if (NOT_MESSAGES.has(path.relative(SRC, file))) continue;
  for (const match of fs.readFileSync(file, 'utf8').matchAll(KEY)) {
    const key = match[1] as string;
    if (key.endsWith('.')) continue; // a prefix completed at run time
    used += 1;
    if (!english.has(key) && !groups.has(key)) problems.push(`unknown key ${key} in ${path.relative(SRC, file)}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  throw new Error(`${problems.length} i18n problem(s)`);
}
console.log(`i18n: ${english.size} keys, zh and en match; ${used} keys used in src exist`);
