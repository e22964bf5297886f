import { handle } from '../../../crm/http';
import { badRequest } from '../../../crm/errors';
import { mobileOwner, normalizeMobile } from '../../../crm/duplicates';

const MOBILE = /^\+?[0-9]{5,20}$/;

export default {
  check: handle(async (ctx, actor) => {
    const raw = typeof ctx.query.mobile === 'string' ? ctx.query.mobile : '';
    if (!MOBILE.test(normalizeMobile(raw))) throw badRequest('mobile: is not a phone number', { field: 'mobile', code: 'invalid_mobile' });
    return mobileOwner(actor, raw);
  }),
};
