import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    port: 5173,
    // the name tables of contract/ sit beside web/, outside Vite's default root
    fs: { allow: ['..'] },
    proxy: { '/api': api, '/open311': api },
  },
  build: {
    target: 'es2022',
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd's modules start with "use client", which means nothing in a browser bundle
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
