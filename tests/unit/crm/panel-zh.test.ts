// The backend's copy of the staff UI's Chinese catalogs (backend/src/crm/panel-zh.json) is
// generated, never edited: it must equal what scripts/gen/panel-zh.ts produces now.
import fs from 'fs';
import { PANEL_ZH_FILE, panelZhText } from '../../../scripts/gen/panel-zh';
import { refusalText } from '../../../backend/src/crm/panel-text';

test('panel-zh.json is up to date (run npx tsx scripts/gen/panel-zh.ts)', () => {
  expect(fs.readFileSync(PANEL_ZH_FILE, 'utf8')).toBe(panelZhText());
});

test('refusal texts are Chinese with the field label filled in', () => {
  expect(refusalText('invalid_mobile', { code: 'invalid_mobile', field: 'mobile' }, 'leads')).toBe('手机不是有效的手机号码。');
  expect(refusalText('no_such_code', {}, 'leads')).toBeUndefined();
});
