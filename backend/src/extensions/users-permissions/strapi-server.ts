// Staff are users-permissions users with a few CRM attributes of their own.
export default (plugin: any) => {
  const attrs = plugin.contentTypes.user.schema.attributes;
  attrs.displayName = { type: 'string', maxLength: 50 };
  attrs.mobile = { type: 'string', maxLength: 20 };
  attrs.department = { type: 'relation', relation: 'manyToOne', target: 'api::department.department' };
  attrs.supervisor = { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user' };
  return plugin;
};
