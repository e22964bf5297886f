import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The staff UI is served by the backend on its own port (see the root README);
// during `npm run dev` Vite proxies the API to a locally running backend.
export default defineConfig({
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
});
