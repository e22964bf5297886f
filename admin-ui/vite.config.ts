import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

// The staff UI is served by the backend on its own port; during `npm run dev`
// Vite proxies the API to a locally running backend.
const config: UserConfig = {
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // react-admin + MUI make one large shared vendor chunk (gzip is what matters);
    // pages are lazy-loaded, see src/App.tsx. No manualChunks on purpose.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:1337',
        changeOrigin: true,
      },
    },
  },
  preview: {
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:1337',
        changeOrigin: true,
      },
    },
  },
};

export default defineConfig(({ command, mode }) => {
  // A `vite build` started from a test runner inherits NODE_ENV=test, and Vite then
  // bundles React's development build (≈ +95 KB gzip). The production mode always
  // ships React's production build; `vite build --mode development` still can.
  if (command === 'build' && mode === 'production') env.NODE_ENV = 'production';
  return config;
});
