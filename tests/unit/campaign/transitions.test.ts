import { allowedCampaignActions, campaignMove, checkCampaignMove, customerVars, skipReason, unknownPlaceholders } from '../../../backend/src/api/campaign/transitions';
import { listFilter } from '../../../backend/src/api/campaign/audience';
import { render } from '../../../backend/src/api/message/template';

describe('campaign moves', () => {
  it('staff schedule, unschedule and cancel; only the job sends', () => {
    expect(allowedCampaignActions('draft')).toEqual(['schedule', 'cancel']);
    expect(allowedCampaignActions('scheduled')).toEqual(['cancel', 'unschedule']);
    expect(allowedCampaignActions('sending')).toEqual([]);
    expect(campaignMove('scheduled', 'start')).toBe('sending');
    expect(() => campaignMove('sent', 'cancel')).toThrow(expect.objectContaining({ details: expect.objectContaining({ code: 'transition_not_allowed' }) }));
    expect(() => checkCampaignMove('draft', 'sent')).toThrow();
    expect(() => checkCampaignMove('cancelled', 'draft')).toThrow();
    expect(() => checkCampaignMove('scheduled', 'draft')).not.toThrow();
  });
});

describe('templates and recipients', () => {
  it('knows name, salutation and custom_<active key> placeholders only', () => {
    expect(unknownPlaceholders('{{name}}{{ salutation }}{{custom_district}}', ['district'])).toEqual([]);
    expect(unknownPlaceholders('{{constructor}} {{custom_x}} {{a.b}}', ['district'])).toEqual(['constructor', 'custom_x', 'a.b']);
  });
  it('renders values only, never code', () => {
    const vars = customerVars({ name: '王', gender: 'male', custom: { district: '滨江', tags: ['学区', '地铁'] } });
    expect(render('{{salutation}}，{{custom_district}}，{{custom_tags}}', vars)).toBe('王先生，滨江，学区、地铁');
    expect(render('{{__proto__}}{{toString}}', vars)).toBe('');
  });
  it('says why a customer is skipped', () => {
    expect(skipReason('sms', { mobile: '138', smsOptOut: true })).toBe('opt_out');
    expect(skipReason('sms', { mobile: null })).toBe('no_mobile');
    expect(skipReason('email', { email: 'a@b', emailOptOut: false })).toBeNull();
    expect(skipReason('email', { email: '' })).toBe('no_email');
  });
  it('flattens the form\'s nested custom filter and drops cleared inputs', () => {
    expect(listFilter({ level: 'A', type: '', gender: null, custom: { district: '滨江', note: '' } })).toEqual({ level: 'A', 'custom.district': '滨江' });
    expect(listFilter(null)).toEqual({});
  });
});
