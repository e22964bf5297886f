// Staff are users-permissions users with a few CRM attributes of their own.
export default (plugin: any) => {
  const attrs = plugin.contentTypes.user.schema.attributes;
  attrs.displayName = { type: 'string', maxLength: 50 };
  attrs.mobile = { type: 'string', maxLength: 20 };
  attrs.department = { type: 'relation', relation: 'manyToOne', target: 'api::department.department' };
  attrs.supervisor = { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user' };
  // A role's CRM grants, edited at run time (crm/grants.ts), and the version an edit must send back.
  const role = plugin.contentTypes.role.schema.attributes;
  role.grants = { type: 'json' };
  role.version = { type: 'integer', default: 0 };
  // Chinese role names are two characters (市场, 客服); Strapi's default asks for three.
  role.name = { ...role.name, minLength: 1, maxLength: 50 };
  return plugin;
};
