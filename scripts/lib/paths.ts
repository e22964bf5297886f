import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BACKEND = path.join(ROOT, 'backend');
export const ADMIN_UI = path.join(ROOT, 'admin-ui');
export const TMP = path.join(ROOT, '.tmp');
