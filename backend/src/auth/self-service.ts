// Staff accounts are created and reset by an admin (POST /api/crm/staff, …/reset-password), so
// users-permissions' public flows are switched off: sign-up, forgot/reset password and email
// confirmation. Every caller gets the same 404, whatever email it names (no account oracle),
// and nothing is mailed.
export const SELF_SERVICE_ACTIONS = ['register', 'forgotPassword', 'resetPassword', 'emailConfirmation', 'sendEmailConfirmation'];

export async function selfServiceDisabled(ctx: any) {
  ctx.status = 404;
  ctx.body = {
    data: null,
    error: {
      status: 404, name: 'NotFoundError',
      message: 'Self-service accounts are disabled: an administrator creates and resets staff accounts',
      details: { code: 'self_service_disabled' },
    },
  };
}
