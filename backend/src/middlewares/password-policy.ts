// Route middleware of POST /api/auth/change-password: the new password meets the same policy
// (crm/password.ts) as staff create and an admin's reset; users-permissions alone takes 6 characters.
import { checkPassword } from '../crm/password';
import { CrmError, errorBody } from '../crm/errors';

export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    checkPassword(ctx.request.body?.password, 'password');
  } catch (e) {
    if (!(e instanceof CrmError)) throw e;
    ctx.status = e.status;
    ctx.body = errorBody(e);
    return;
  }
  await next();
};
