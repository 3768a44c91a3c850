import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are relative to this package (npm -w runs scripts here).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React + antd's core land in one shared chunk of about 540 kB (180 kB gzip); the admin pages are split off lazily.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
