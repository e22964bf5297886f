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

describe('the customer pool and records without an owner', () => {
  const pooled = { owner: 'owner', creator: 'creator', pool: 'inPool' };
  const inPool = { inPool: { $eq: true } };

  it('lets sales read their own records and the pool, and write only their own', () => {
    const own = { owner: { id: { $eq: 7 } } };
    expect(scopeFilter(table, { id: 7, role: 'sales' }, 'customers', pooled)).toEqual({ $or: [own, inPool] });
    expect(scopeFilter(table, { id: 7, role: 'sales' }, 'customers', pooled, 'show')).toEqual({ $or: [own, inPool] });
    for (const action of ['edit', 'release', 'assign', 'delete', 'claim']) {
      expect(scopeFilter(table, { id: 7, role: 'sales' }, 'customers', pooled, action)).toEqual(own);
    }
  });

  it('lets a manager read the team and the pool, and write the team only', () => {
    const actor = { id: 2, role: 'sales-manager' as const, teamIds: [2, 3, 4] };
    const team = { owner: { id: { $in: [2, 3, 4] } } };
    expect(scopeFilter(table, actor, 'customers', pooled, 'list')).toEqual({ $or: [team, inPool] });
    expect(scopeFilter(table, actor, 'customers', pooled, 'edit')).toEqual(team);
  });

  it('gives no pool to a resource without one, nor to a role that sees what it created', () => {
    expect(scopeFilter(table, { id: 7, role: 'sales' }, 'leads', fields)).toEqual({ owner: { id: { $eq: 7 } } });
    expect(scopeFilter(table, { id: 5, role: 'reception' }, 'leads', { ...fields, pool: 'inPool' })).toEqual({ creator: { id: { $eq: 5 } } });
  });

  it('shows admin the whole pool and everything else', () => {
    expect(scopeFilter(table, { id: 1, role: 'admin' }, 'customers', pooled, 'edit')).toBeNull();
  });

  it('scopes a manager by who logged a record that has no owner (visit logs)', () => {
    const actor = { id: 2, role: 'sales-manager' as const, teamIds: [2, 5] };
    expect(scopeFilter(table, actor, 'visit-logs', { creator: 'creator' })).toEqual({ creator: { id: { $in: [2, 5] } } });
    // the owner wins when a record has both
    expect(scopeFilter(table, actor, 'leads', fields)).toEqual({ owner: { id: { $in: [2, 5] } } });
    // neither: nothing
    expect(scopeFilter(table, actor, 'visit-logs', {})).toEqual({ id: { $eq: -1 } });
  });

  it('falls back to the manager alone without a department', () => {
    expect(scopeFilter(table, { id: 2, role: 'sales-manager' }, 'visit-logs', { creator: 'creator' })).toEqual({ creator: { id: { $in: [2] } } });
    expect(scopeFilter(table, { id: 2, role: 'sales-manager', teamIds: [] }, 'leads', fields)).toEqual({ owner: { id: { $in: [2] } } });
  });

  it('leaves audit events (scope record) to the record check: the plain scope sees nothing', () => {
    expect(scopeFilter(table, { id: 7, role: 'sales' }, 'audit-events', fields)).toEqual({ id: { $eq: -1 } });
    expect(scopeFilter(table, { id: 1, role: 'admin' }, 'audit-events', {})).toBeNull();
  });

  describe('handling (complaints: a record owned by a department)', () => {
    const cf = { owner: 'assignee', department: 'department', ownerVia: 'customer' };
    const mine = (id: number) => ({ assignee: { id: { $eq: id } } });
    it('shows a handler what they hold and what their departments (and those under them) handle', () => {
      expect(scopeFilter(table, { id: 3, role: 'service', departmentId: 4, departmentIds: [4, 6] }, 'complaints', cf)).toEqual({
        $or: [mine(3), { department: { id: { $in: [4, 6] } } }, { customer: { owner: { id: { $eq: 3 } } } }],
      });
      expect(scopeFilter(table, { id: 3, role: 'service', departmentId: 4, departmentIds: [4, 6] }, 'complaints', cf, 'edit')).toEqual({
        $or: [mine(3), { department: { id: { $in: [4, 6] } } }],
      });
      expect(scopeFilter(table, { id: 3, role: 'service', departmentId: null }, 'complaints', cf, 'edit')).toEqual({ $or: [mine(3)] });
    });
    it('gives a consultant (no edit grant) no department reach: the complaints of own customers, read only', () => {
      expect(scopeFilter(table, { id: 7, role: 'sales', departmentId: 4 }, 'complaints', cf)).toEqual({
        $or: [mine(7), { customer: { owner: { id: { $eq: 7 } } } }],
      });
      expect(scopeFilter(table, { id: 7, role: 'sales', departmentId: 4 }, 'complaints', cf, 'edit')).toEqual({ $or: [mine(7)] });
      expect(scopeFilter(table, { id: 9, role: 'marketing', departmentId: 4 }, 'complaints', cf)).toEqual({ id: { $eq: -1 } });
    });
  });
});
