const route = (method: string, path: string, handler: string) => ({ method, path, handler: `config-transfer.${handler}`, config: { policies: [] } });

export default {
  type: 'content-api',
  routes: [
    route('GET', '/crm/config/export', 'export'),
    route('POST', '/crm/config/import', 'import'),
    route('GET', '/crm/presets', 'presets'),
    route('POST', '/crm/presets/:name/apply', 'applyPreset'),
  ],
};
