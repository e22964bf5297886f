import { isTimeZone, validateSetting } from '../../../backend/src/crm/setting-values';

const codeOf = (key: string, value: unknown) => {
  try {
    validateSetting(key, value);
    return 'ok';
  } catch (e: any) {
    expect(e.details.field).toBe('value');
    return `${e.details.key}:${e.details.code}`;
  }
};

describe('settings by meaning', () => {
  it('knows real IANA zones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(8)).toBe(false);
  });

  it.each([
    ['timezone', 'Asia/Shanghai', 'ok'],
    ['timezone', 'Mars/Olympus', 'timezone:invalid_timezone'],
    ['reminderTime', '08:30', 'ok'],
    ['reminderTime', '24:00', 'reminderTime:invalid_time'],
    ['reminderTime', '8:30', 'reminderTime:invalid_time'],
    ['quietHours', { from: '21:00', to: '08:00' }, 'ok'],
    ['quietHours', { to: '7am' }, 'quietHours.to:invalid_time'],
    ['quietHours', { start: '21:00' }, 'quietHours.start:unknown_key'],
    ['quietHours', ['21:00'], 'quietHours:wrong_type'],
    ['pool', { claimsPerDay: 20 }, 'ok'],
    ['pool', { claimsPerDay: 0 }, 'pool.claimsPerDay:out_of_range'],
    ['pool', { claimsPerDay: 1.5 }, 'pool.claimsPerDay:not_an_integer'],
    ['pool', { maxCustomersPerOwner: 1e9 }, 'pool.maxCustomersPerOwner:out_of_range'],
    ['poolReturnDays', 30, 'ok'],
    ['poolReturnDays', 366, 'poolReturnDays:out_of_range'],
    ['assignmentDeadlineDays', -1, 'assignmentDeadlineDays:out_of_range'],
    ['returnVisitDays', '7', 'returnVisitDays:not_an_integer'],
    ['amountUnit', 'wan', 'ok'],
    ['amountUnit', 'yuan', 'ok'],
    ['amountUnit', '万', 'amountUnit:not_an_option'],
    ['complaints', { reopenDays: 7, firstResponseHours: { urgent: 1 } }, 'ok'],
    ['complaints', { reopenDays: 0 }, 'complaints.reopenDays:out_of_range'],
    ['complaints', { resolveHours: { urgent: 1.5 } }, 'complaints.resolveHours.urgent:not_an_integer'],
    ['complaints', { resolveHours: { critical: 2 } }, 'complaints.resolveHours.critical:unknown_key'],
    ['hourlyCap', { sms: 500 }, 'ok'],
    ['hourlyCap', { sms: 0 }, 'hourlyCap.sms:out_of_range'],
    ['hourlyCap', { fax: 10 }, 'hourlyCap.fax:unknown_key'],
    ['someAdminKey', { anything: true }, 'ok'],
  ])('%s = %j → %s', (key, value, expected) => {
    expect(codeOf(key, value)).toBe(expected);
  });
});
