import { describeFields } from '../../../backend/src/crm/fields';
import { MAX_PAGE, parseListQuery } from '../../../backend/src/crm/list-query';
import { CrmError } from '../../../backend/src/crm/errors';

const fields = describeFields(
  {
    subject: { type: 'string', required: true },
    leadStatus: { type: 'enumeration', enum: ['active', 'qualified', 'disqualified'] },
    mobile: { type: 'string' },
    createdAt: { type: 'datetime' },
    estimatedValue: { type: 'decimal' },
    owner: { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user' },
    custom: { type: 'json' },
  },
  { rename: { status: 'leadStatus' } },
).concat([{ api: 'createdAt', attr: 'createdAt', kind: 'datetime', required: false, readOnly: true, viaAction: false }]);
const opts = { fields, search: ['subject', 'mobile'] };

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as CrmError;
  }
  throw new Error('expected a CrmError');
};

describe('parseListQuery', () => {
  it('defaults to the first 25 records, newest first', () => {
    expect(parseListQuery({}, opts)).toEqual({ sort: [{ id: 'desc' }], start: 0, limit: 25, filters: {}, idsOnly: false });
    expect(parseListQuery({ filter: '{"id":[1,2]}' }, opts).idsOnly).toBe(true);
    expect(parseListQuery({ filter: '{"id":[1],"q":"x"}' }, opts).idsOnly).toBe(false);
  });

  it('maps sort and range, adding an id tiebreaker', () => {
    const q = parseListQuery({ sort: '["status","ASC"]', range: '[50,74]' }, opts);
    expect(q.sort).toEqual([{ leadStatus: 'asc' }, { id: 'asc' }]);
    expect(q).toMatchObject({ start: 50, limit: 25 });
  });

  it('sorts by a relation through the related id, in the nested form', () => {
    const q = parseListQuery({ sort: '["owner","DESC"]' }, opts);
    expect(q.sort).toEqual([{ owner: { id: 'desc' } }, { id: 'desc' }]);
  });

  it('maps equality, getMany ids, comparison suffixes and relations', () => {
    const q = parseListQuery(
      { filter: JSON.stringify({ status: 'active', id: [3, '4'], estimatedValue_gte: 10, createdAt_lte: '2026-01-01T00:00:00Z', owner: 7, mobile_neq: '1' }) },
      opts,
    );
    expect(q.filters).toEqual({
      $and: [
        { leadStatus: { $eq: 'active' } },
        { id: { $in: [3, 4] } },
        { estimatedValue: { $gte: 10 } },
        { createdAt: { $lte: '2026-01-01T00:00:00.000Z' } },
        { owner: { id: { $eq: 7 } } },
        { mobile: { $ne: '1' } },
      ],
    });
  });

  it('turns q into a case-insensitive search over the search fields, word by word', () => {
    const q = parseListQuery({ filter: '{"q":"王 138"}' }, opts);
    expect(q.filters).toEqual({
      $and: [
        { $or: [{ subject: { $containsi: '王' } }, { mobile: { $containsi: '王' } }] },
        { $or: [{ subject: { $containsi: '138' } }, { mobile: { $containsi: '138' } }] },
      ],
    });
  });

  it.each([
    [{ sort: 'nope' }, 'sort: is not valid JSON'],
    [{ sort: '["subject"]' }, 'sort: must be ["field","ASC"|"DESC"]'],
    [{ sort: '["subject","UP"]' }, 'sort: order must be ASC or DESC'],
    [{ sort: '["password","ASC"]' }, 'sort: unknown field "password"'],
    [{ sort: '["custom","ASC"]' }, 'sort: unknown field "custom"'],
    [{ range: '[5,1]' }, 'range: must be [start,end] with 0 <= start <= end'],
    [{ range: '[-1,3]' }, 'range: must be [start,end] with 0 <= start <= end'],
    [{ range: '{"a":1}' }, 'range: must be [start,end] with 0 <= start <= end'],
    [{ range: `[0,${MAX_PAGE}]` }, `range: at most ${MAX_PAGE} records per page`],
    [{ filter: '[1]' }, 'filter: must be a JSON object'],
    [{ filter: '{"password":"x"}' }, 'filter: unknown field "password"'],
    [{ filter: '{"subject_like":"x"}' }, 'filter: unknown field "subject_like"'],
    [{ filter: '{"status":"won"}' }, 'status: must be one of active, qualified, disqualified'],
    [{ filter: '{"status_gte":"active"}' }, 'filter: "status_gte" — status cannot be compared with _gte'],
    [{ filter: '{"estimatedValue":"lots"}' }, 'estimatedValue: must be a number'],
    [{ filter: '{"id":["x"]}' }, 'filter.id: must be record ids'],
    [{ filter: '{"q":5}' }, 'filter.q: must be a string'],
    [{ filter: '{"owner":"me"}' }, 'owner: must be a record id'],
    [{ page: '2' }, 'unknown query parameter "page"'],
    [{ sort: ['["a","ASC"]', '["b","ASC"]'] }, 'sort: must be given once, as JSON'],
  ])('refuses %j with 400 "%s"', (query, message) => {
    const e = errorOf(() => parseListQuery(query as Record<string, unknown>, opts));
    expect(e).toBeInstanceOf(CrmError);
    expect(e.status).toBe(400);
    expect(e.message).toBe(message);
  });
});
