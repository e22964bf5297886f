import { actorOf, handle } from '../../../crm/http';
import { capabilities } from '../../../crm/access';
import { roleTable } from '../../../crm/roles';

// The signed-in staff member and what they may do: the UI builds its menu from `resources`.
export default {
  find: handle(async (ctx) => {
    const actor = actorOf(ctx);
    const user = ctx.state.user;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName ?? user.username,
      role: actor.role,
      roleName: actor.role ? roleTable().roles[actor.role]?.name ?? actor.role : null,
      department: null,
      resources: capabilities(roleTable(), actor.role),
    };
  }),
};
