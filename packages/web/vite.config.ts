import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are relative to this package (npm -w runs scripts here).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React + antd's core land in one shared chunk of about 370 kB (120 kB gzip); every page but the landing page is
    // split off lazily, so the public search and guide pages stay light.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // The domain package is pure functions and constants: what the web app does not use (the TypeBox schemas the
        // server validates with) can be dropped.
        moduleSideEffects: [{ test: /packages[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
