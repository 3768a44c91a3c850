import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are relative to this package (npm -w runs scripts here).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
