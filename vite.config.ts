import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    // The local databases (.local/, gigabytes at scale) and test output are not sources.
    watch: { ignored: ['**/.local/**', '**/test-results/**', '**/playwright-report/**'] },
  },
  preview: {
    host: '127.0.0.1',
  },
});
