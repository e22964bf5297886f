// Staff are users-permissions users with a few CRM attributes of their own.
export default (plugin: any) => {
  const attrs = plugin.contentTypes.user.schema.attributes;
  attrs.displayName = { type: 'string', maxLength: 50 };
  attrs.mobile = { type: 'string', maxLength: 20 };
  return plugin;
};
