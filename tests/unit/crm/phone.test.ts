import { maskMobile, normalizeMobile } from '../../../backend/src/crm/phone';

describe('normalizeMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    [' 138 0013 8000 ', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['+1 415 555 0100', '+14155550100'],
    ['0571-8888 6666', '057188886666'],
  ])('%s → %s', (raw, stored) => expect(normalizeMobile(raw)).toBe(stored));

  it('keeps no number as null', () => {
    for (const raw of [null, undefined, '', '   ']) expect(normalizeMobile(raw)).toBeNull();
  });

  it('refuses what is not a phone number, naming the field with a code', () => {
    for (const raw of ['call me', '12', '138001380001380013800', '13800138000; drop']) {
      expect(() => normalizeMobile(raw, 'mobile')).toThrow(expect.objectContaining({ status: 400, details: { field: 'mobile', code: 'invalid_mobile' } }));
    }
  });
});

describe('maskMobile', () => {
  it('shows the first three and last four digits', () => {
    expect(maskMobile('13812343525')).toBe('138****3525');
    expect(maskMobile('12345')).toBe('****');
    expect(maskMobile(null)).toBeNull();
  });
});
