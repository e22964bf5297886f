import { checkCustomValues, customValue, type CustomFieldDef } from '../../../backend/src/crm/custom-values';

const def = (key: string, type: CustomFieldDef['type'], extra: Partial<CustomFieldDef> = {}): CustomFieldDef =>
  ({ entity: 'lead', key, label: key, type, active: true, ...extra });
const DEFS = [
  def('budget', 'number'), def('district', 'select', { options: ['滨江', '西湖'] }), def('tags', 'multiselect', { options: ['学区', '地铁'] }),
  def('visit', 'date'), def('vip', 'boolean'), def('note', 'text', { required: true }), def('old', 'text', { active: false }),
];
const errorOf = (fn: () => unknown) => { try { fn(); } catch (e: any) { return { status: e.status, ...e.details }; } return null; };

describe('customValue', () => {
  it('normalizes what the type allows', () => {
    expect(customValue(DEFS[0], '12.5')).toBe(12.5);
    expect(customValue(DEFS[2], ['学区', '学区', '地铁'])).toEqual(['学区', '地铁']);
    expect(customValue(DEFS[3], '2027-01-31')).toBe('2027-01-31');
    expect(customValue(DEFS[5], '  留言 ')).toBe('留言');
  });

  it.each([
    [0, 'x', 'invalid_type'], [0, 1e300, 'out_of_range'], [0, NaN, 'invalid_type'],
    [1, '上城', 'not_an_option'], [2, ['学区', '公园'], 'not_an_option'], [2, '学区', 'invalid_type'],
    [3, '2027-13-45', 'invalid_type'], [3, 20270131, 'invalid_type'], [4, 'true', 'invalid_type'],
    [5, 'a\u0000b', 'control_characters'], [5, 'x'.repeat(2001), 'too_long'], [5, {}, 'invalid_type'],
  ])('field %i refuses %p with %s', (i, raw, code) => {
    expect(errorOf(() => customValue(DEFS[i as number], raw))).toMatchObject({ status: 400, field: `custom.${DEFS[i as number].key}`, code });
  });
});

describe('checkCustomValues', () => {
  it('drops empty values and keeps required ones required', () => {
    expect(checkCustomValues(DEFS, null, { note: 'n', budget: '', tags: [] }, true)).toEqual({ note: 'n' });
    expect(errorOf(() => checkCustomValues(DEFS, null, { budget: 1 }, true))).toMatchObject({ field: 'custom.note', code: 'required' });
    expect(checkCustomValues(DEFS, null, { budget: 1 }, false)).toEqual({ budget: 1 });
  });

  it('refuses unknown keys and new values of deactivated fields, but keeps stored ones sent back', () => {
    expect(errorOf(() => checkCustomValues(DEFS, {}, { note: 'n', nope: 1 }, true))).toMatchObject({ field: 'custom.nope', code: 'unknown_field' });
    expect(errorOf(() => checkCustomValues(DEFS, { old: 'a' }, { note: 'n', old: 'b' }, true))).toMatchObject({ field: 'custom.old', code: 'custom_field_inactive' });
    expect(checkCustomValues(DEFS, { old: 'a', gone: 3 }, { note: 'n', old: 'a', gone: 3 }, true)).toEqual({ note: 'n', old: 'a', gone: 3 });
  });

  it('refuses a custom value that is not an object', () => {
    for (const bad of [[], 'x', 3]) expect(errorOf(() => checkCustomValues(DEFS, null, bad, false))).toMatchObject({ field: 'custom', code: 'invalid_type' });
  });
});
