import type { AuthProvider, UserIdentity } from 'react-admin';

import { setCrmTimeZone } from '../common/dates';
import { setAmountUnit } from '../common/Money';
import { canDo, parseMe, type Me } from './permissions';
import {
  API_URL,
  SessionExpiredError,
  authFetchJson,
  clearTokens,
  getJwt,
  getRefreshToken,
  isAfterRefresh,
  isHttpError,
  refreshAccessToken,
  storeTokens,
} from './session';

/** `/api/crm/me`, fetched once per login (and once per page load). */
let mePromise: Promise<Me> | null = null;

const fetchMe = (): Promise<Me> => {
  if (!mePromise) {
    const promise = authFetchJson(`${API_URL}/crm/me`).then(({ json }) => {
      const me = parseMe(json);
      // before any page renders (the pages wait for the permissions): one zone everywhere
      setCrmTimeZone(me.timezone);
      setAmountUnit(me.amountUnit);
      return me;
    });
    mePromise = promise;
    // A failed read is not cached: the next call tries again.
    promise.catch(() => {
      if (mePromise === promise) mePromise = null;
    });
  }
  return mePromise;
};

export const getMe = fetchMe;

/** Reads `/api/crm/me` afresh on next use (after My account changed it). */
export const reloadMe = () => {
  mePromise = null;
};

const isLoggedIn = (): boolean => Boolean(getJwt() || getRefreshToken());

/**
 * On a page load with a session: asks for `/api/crm/me` at once, while React is still starting
 * (react-admin asks for the permissions only after its first render); the answer is shared.
 * False without a session (the login page needs nothing).
 */
export const prefetchMe = (): boolean => {
  if (!isLoggedIn()) return false;
  fetchMe().catch(() => undefined);
  return true;
};

const forgetMe = () => {
  mePromise = null;
};

interface LoginParams {
  username: string;
  password: string;
}

interface LoginAnswer {
  jwt?: unknown;
  refreshToken?: unknown;
  error?: { message?: string };
}

const login = async ({ username, password }: LoginParams): Promise<void> => {
  forgetMe();
  clearTokens();
  let response: Response;
  try {
    response = await fetch(`${API_URL}/auth/local`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ identifier: username.trim(), password }),
    });
  } catch {
    throw new Error('crm.auth.network_error');
  }
  const json = (await response.json().catch(() => ({}))) as LoginAnswer;
  if (response.status === 429) throw new Error('crm.auth.too_many_attempts');
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    throw new Error('ra.auth.sign_in_error');
  }
  if (!response.ok || typeof json.jwt !== 'string') {
    throw new Error(json.error?.message || 'ra.notification.http_error');
  }
  storeTokens(json.jwt, typeof json.refreshToken === 'string' ? json.refreshToken : null);
  try {
    await fetchMe();
  } catch (error) {
    // Valid Strapi account but not a CRM staff member (or /me failed): do not half-log-in.
    clearTokens();
    forgetMe();
    if (isHttpError(error) && (error.status === 403 || error.status === 404)) {
      throw new Error('crm.auth.no_access');
    }
    throw error;
  }
};

const logout = async (): Promise<void> => {
  const jwt = getJwt();
  const refreshToken = getRefreshToken();
  clearTokens();
  forgetMe();
  if (jwt) {
    // Revoke the server-side session; the UI is logged out whatever the answer.
    fetch(`${API_URL}/auth/logout`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${jwt}`,
      },
      body: JSON.stringify(refreshToken ? { refreshToken } : {}),
      keepalive: true,
    }).catch(() => undefined);
  }
};

export const authProvider: AuthProvider = {
  login,
  logout,

  checkAuth: async () => {
    if (!isLoggedIn()) throw new Error('ra.auth.auth_check_error');
  },

  checkError: async (error: unknown) => {
    const status = isHttpError(error)
      ? error.status
      : typeof error === 'object' && error !== null && 'status' in error
        ? (error as { status?: unknown }).status
        : undefined;
    if (status === 401) {
      if (error instanceof SessionExpiredError || isAfterRefresh(error)) {
        throw new Error('ra.notification.logged_out');
      }
      try {
        await refreshAccessToken();
        return; // refreshed: stay logged in, the next query uses the new token
      } catch {
        throw new Error('ra.notification.logged_out');
      }
    }
    // 403: forbidden action, the user stays logged in; the page shows the error.
  },

  getIdentity: async (): Promise<UserIdentity> => {
    if (!isLoggedIn()) throw new Error('ra.auth.auth_check_error');
    const me = await fetchMe();
    return {
      id: me.id,
      fullName: me.displayName,
      username: me.username,
      role: me.role,
      department: me.department,
    };
  },

  // Logged out (e.g. on the login page): no permissions, no network call.
  getPermissions: async () => (isLoggedIn() ? fetchMe() : undefined),

  canAccess: async ({ resource, action }) => {
    if (!isLoggedIn()) return false;
    const me = await fetchMe();
    return canDo(me, resource, action);
  },
};
