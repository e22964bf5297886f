// `npm run build`: rebuild the backend, the staff UI and Strapi's admin panel.
import { ensureBuilt } from './lib/build';

ensureBuilt(['backend', 'ui', 'adminPanel'], { force: process.argv.includes('--force') });
