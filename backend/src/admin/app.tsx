// Strapi's admin panel for the CRM's administrators: Simplified Chinese by default (English
// still selectable), no release check against api.github.com, no tutorial videos.
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['zh-Hans'],
    tutorials: false,
    notifications: { releases: false },
    translations: {
      'zh-Hans': {
        'Auth.form.welcome.title': '欢迎使用客户关系管理后台',
        'Auth.form.welcome.subtitle': '登录管理后台',
      },
    },
  },
  bootstrap() {
    try {
      // zh by default: only when the administrator has not chosen a language yet
      if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
    } catch {
      // storage unavailable: Strapi's default
    }
  },
};
