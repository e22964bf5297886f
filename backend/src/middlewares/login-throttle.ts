// Route middleware of POST /api/auth/local (wired in extensions/users-permissions): see auth/login-throttle.ts.
import type { Core } from '@strapi/strapi';
import { loginThrottle } from '../auth/login-throttle';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => loginThrottle(strapi);
