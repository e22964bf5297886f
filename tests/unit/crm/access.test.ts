import { assertCan, capabilities, scopeFilter, type RoleTable } from '../../../backend/src/crm/access';
import roles from '../../../config/roles.json';

const table = roles as unknown as RoleTable;
const fields = { owner: 'owner', creator: 'creator' };

describe('role table and visibility scope', () => {
  it('shows sales their own records only', () => {
    expect(scopeFilter(table, { id: 7, role: 'sales' }, 'leads', fields)).toEqual({ owner: { id: { $eq: 7 } } });
  });

  it('shows admin everything', () => {
    expect(scopeFilter(table, { id: 1, role: 'admin' }, 'leads', fields)).toBeNull();
  });

  it('shows a manager the records owned by the team', () => {
    expect(scopeFilter(table, { id: 2, role: 'sales-manager', teamIds: [2, 3, 4] }, 'leads', fields))
      .toEqual({ owner: { id: { $in: [2, 3, 4] } } });
  });

  it('shows reception what it logged', () => {
    expect(scopeFilter(table, { id: 5, role: 'reception' }, 'leads', fields)).toEqual({ creator: { id: { $eq: 5 } } });
  });

  it('fails closed: an unknown role, resource or missing owner field sees nothing', () => {
    const nothing = { id: { $eq: -1 } };
    expect(scopeFilter(table, { id: 9, role: null }, 'leads', fields)).toEqual(nothing);
    expect(scopeFilter(table, { id: 9, role: 'marketing' }, 'leads', fields)).toEqual(nothing);
    expect(scopeFilter(table, { id: 9, role: 'sales' }, 'leads', {})).toEqual(nothing);
  });

  it('refuses actions the role lacks with 403', () => {
    expect(() => assertCan(table, { id: 1, role: 'sales' }, 'leads', 'delete')).toThrow('sales may not delete leads');
    expect(() => assertCan(table, { id: 1, role: 'admin' }, 'leads', 'delete')).not.toThrow();
  });

  it('lists capabilities for the menu', () => {
    expect(capabilities(table, 'reception').leads).toEqual(['list', 'show', 'create']);
    expect(capabilities(table, 'marketing').leads).toBeUndefined();
  });
});
