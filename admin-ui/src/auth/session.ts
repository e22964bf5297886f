/**
 * Login session: the access token (JWT) and the refresh token, kept in localStorage,
 * and an authenticated `fetchJson` that refreshes the access token once on a 401.
 *
 * Backend contract (Strapi 5 users-permissions, `jwtManagement: 'refresh'`):
 * - POST /api/auth/local   {identifier, password} -> {jwt, refreshToken, user}
 * - POST /api/auth/refresh {refreshToken}         -> {jwt, refreshToken}  (401 = session over)
 * - POST /api/auth/logout  {refreshToken}         (best effort, revokes the session)
 */
import { fetchUtils, HttpError } from 'react-admin';

import { describeError, resourceOfUrl } from '../common/errors';
import { i18nProvider } from '../i18n/i18nProvider';

export const API_URL = '/api';

const JWT_KEY = 'crm.jwt';
const REFRESH_KEY = 'crm.refreshToken';
const LOCK_NAME = 'crm.auth.refresh';

export const getJwt = (): string | null => localStorage.getItem(JWT_KEY);
export const getRefreshToken = (): string | null => localStorage.getItem(REFRESH_KEY);

export const storeTokens = (jwt: string, refreshToken?: string | null): void => {
  localStorage.setItem(JWT_KEY, jwt);
  // Strapi only omits the refresh token when it is set as an httpOnly cookie.
  if (refreshToken) localStorage.setItem(REFRESH_KEY, refreshToken);
};

export const clearTokens = (): void => {
  localStorage.removeItem(JWT_KEY);
  localStorage.removeItem(REFRESH_KEY);
};

/** Seconds since epoch at which the JWT expires, or null if it cannot be read. */
const jwtExpiry = (jwt: string): number | null => {
  try {
    const part = jwt.split('.')[1];
    if (!part) return null;
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const payload: unknown = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')));
    if (payload && typeof payload === 'object' && 'exp' in payload && typeof payload.exp === 'number') {
      return payload.exp;
    }
  } catch {
    // not a readable JWT: let the server decide
  }
  return null;
};

const isExpired = (jwt: string, skewSeconds = 20): boolean => {
  const exp = jwtExpiry(jwt);
  return exp !== null && exp * 1000 <= Date.now() + skewSeconds * 1000;
};

/** Thrown when the refresh token is refused: the login session is over. */
export class SessionExpiredError extends HttpError {
  constructor() {
    super('ra.notification.logged_out', 401, null);
    Object.setPrototypeOf(this, SessionExpiredError.prototype);
    this.name = 'SessionExpiredError';
  }
}

let refreshing: Promise<string> | null = null;

const postRefresh = async (): Promise<string> => {
  const refreshToken = getRefreshToken();
  if (!refreshToken) throw new SessionExpiredError();
  const response = await fetch(`${API_URL}/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  if (response.status === 401 || response.status === 400 || response.status === 403) {
    // The refresh token is unknown, revoked or expired. The tokens are cleared by the
    // logout that follows (authProvider.checkError), which also tells the user why.
    throw new SessionExpiredError();
  }
  if (!response.ok) {
    // Server or network trouble: keep the tokens, the next call may succeed.
    throw new HttpError(response.statusText || 'ra.notification.http_error', response.status, null);
  }
  const json = (await response.json()) as { jwt?: unknown; refreshToken?: unknown };
  if (typeof json.jwt !== 'string') {
    throw new HttpError('ra.notification.http_error', response.status, json);
  }
  storeTokens(json.jwt, typeof json.refreshToken === 'string' ? json.refreshToken : null);
  return json.jwt;
};

/**
 * Returns a fresh access token. Parallel callers share one refresh call; if another
 * caller (or another browser tab) already replaced `staleJwt`, the new token is
 * returned without calling the server. Refresh tokens rotate, so two refreshes with
 * the same refresh token would end the session: the Web Locks API serialises tabs.
 */
export const refreshAccessToken = (staleJwt: string | null = getJwt()): Promise<string> => {
  const current = getJwt();
  if (current && current !== staleJwt) return Promise.resolve(current);
  if (!refreshing) {
    const run = async (): Promise<string> => {
      const now = getJwt();
      if (now && now !== staleJwt) return now; // another tab refreshed meanwhile
      return postRefresh();
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const promise: Promise<string> = locks ? locks.request(LOCK_NAME, () => run()).then(jwt => jwt) : run();
    refreshing = promise.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
};

/** Strapi error body: {data: null, error: {status, name, message, details}} */
interface StrapiErrorBody {
  error?: {
    status?: number;
    name?: string;
    message?: string;
    details?: { errors?: Array<{ path?: Array<string | number>; message?: string }>; field?: unknown };
  };
  message?: string;
}

/**
 * Turns Strapi's error shape into react-admin's: the message becomes the error
 * message, and field errors (`details.errors[].path`) go to `body.errors` so that
 * forms show them next to the inputs.
 */
const toRaError = (error: unknown, url = ''): unknown => {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as StrapiErrorBody | null;
  // In the user's language: react-admin shows `message` as it is (save and delete notifications).
  const message = body?.error ? describeError(error, i18nProvider.translate, resourceOfUrl(url)) : body?.message ?? error.message;
  let errors: Record<string, string> | undefined;
  const details = body?.error?.details?.errors;
  if (error.status === 400 && Array.isArray(details)) {
    for (const detail of details) {
      if (Array.isArray(detail.path) && detail.path.length > 0 && detail.message) {
        errors = errors ?? {};
        errors[detail.path.join('.')] = detail.message;
      }
    }
  }
  // The CRM API names the one offending field in `details.field` ("mobile: already used"):
  // the form shows the message under that input.
  const field = body?.error?.details?.field;
  if (error.status === 400 && typeof field === 'string' && field !== '') {
    errors = { ...errors, [field]: message };
  }
  const converted = new HttpError(message, error.status, errors && body ? { ...body, errors } : body);
  return converted;
};

type FetchResult = Awaited<ReturnType<typeof fetchUtils.fetchJson>>;

/** Marks a 401 that came back even with a freshly refreshed token. */
export const AFTER_REFRESH = Symbol('crm.afterRefresh');

export const isHttpError = (error: unknown): error is HttpError => error instanceof HttpError;

export const isAfterRefresh = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[AFTER_REFRESH] === true;

const withToken = (options: fetchUtils.Options, jwt: string | null): fetchUtils.Options => {
  const headers = new Headers(options.headers as HeadersInit | undefined);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (jwt) headers.set('Authorization', `Bearer ${jwt}`);
  else headers.delete('Authorization');
  return { ...options, headers };
};

/**
 * `fetchUtils.fetchJson` with `Authorization: Bearer <jwt>`. On a 401 it refreshes the
 * access token once (shared between parallel requests) and retries the request once.
 */
export const authFetchJson = async (url: string, options: fetchUtils.Options = {}): Promise<FetchResult> => {
  let jwt = getJwt();
  if (jwt && isExpired(jwt) && getRefreshToken()) {
    try {
      jwt = await refreshAccessToken(jwt);
    } catch (error) {
      if (error instanceof SessionExpiredError) throw error;
      // transient refresh trouble: try the request anyway
    }
  }
  try {
    return await fetchUtils.fetchJson(url, withToken(options, jwt));
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 401 || !getRefreshToken()) {
      throw toRaError(error, url);
    }
  }
  const fresh = await refreshAccessToken(jwt);
  try {
    return await fetchUtils.fetchJson(url, withToken(options, fresh));
  } catch (error) {
    const converted = toRaError(error, url);
    if (converted instanceof HttpError && converted.status === 401) {
      (converted as unknown as Record<symbol, unknown>)[AFTER_REFRESH] = true;
    }
    throw converted;
  }
};

/**
 * A request that ends this session's tokens and answers new ones (a password change). While it
 * runs, the refresh lock is held: a request refused meanwhile with the old token (the server has
 * already ended it) waits and retries with the new one, instead of trying the old refresh token,
 * which is gone too, and ending the session.
 */
export const replaceTokens = async (url: string, options: fetchUtils.Options = {}): Promise<FetchResult> => {
  let jwt = getJwt();
  if (refreshing) jwt = await refreshing.catch(() => getJwt());
  if (jwt && isExpired(jwt) && getRefreshToken()) jwt = await refreshAccessToken(jwt);
  const change = fetchUtils.fetchJson(url, withToken(options, jwt)).then((result) => {
    const json = result.json as { jwt?: unknown; refreshToken?: unknown } | null;
    if (json && typeof json.jwt === 'string') storeTokens(json.jwt, typeof json.refreshToken === 'string' ? json.refreshToken : null);
    return result;
  });
  // refused or not, whoever waited goes on with the tokens there are now
  const held: Promise<string> = change.then(() => getJwt() ?? '', () => getJwt() ?? '').finally(() => {
    if (refreshing === held) refreshing = null;
  });
  refreshing = held;
  try {
    return await change;
  } catch (error) {
    throw toRaError(error, url);
  }
};
