// The public form of a questionnaire (SPEC "Public forms"): no login. The token in the path is
// the only key; every answer leaves out staff, ids and other tokens.
const route = (method: string, path: string, handler: string) => ({ method, path, handler: `public-form.${handler}`, config: { auth: false, policies: [] } });

export default {
  type: 'content-api',
  routes: [
    route('GET', '/public/forms/:token', 'show'),
    route('POST', '/public/forms/:token', 'submit'),
    route('GET', '/public/forms/:token/page', 'page'),
    route('GET', '/public/forms/:token/qr.svg', 'qr'),
    route('GET', '/public/form.js', 'script'),
  ],
};
