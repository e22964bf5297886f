import simpleRestProvider from 'ra-data-simple-rest';

import { API_URL, authFetchJson } from './auth/session';

/**
 * `/api/crm/<resource>` speaks the ra-data-simple-rest protocol
 * (`Content-Range: <resource> 0-24/<total>`, exposed to the browser).
 * Every call carries the access token and refreshes it once on a 401.
 */
export const dataProvider = simpleRestProvider(`${API_URL}/crm`, authFetchJson);
