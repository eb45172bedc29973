import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the console runs on Vite's server and reaches the API on port 3000.
const API_URL = process.env.PROMPTOPS_API_URL ?? 'http://127.0.0.1:3000';
const proxied = ['/v1', '/admin', '/docs', '/openapi.json', '/healthz'];

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy: Object.fromEntries(proxied.map((path) => [path, { target: API_URL, changeOrigin: false }])) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps stay out of the served bundle; the console is small enough to debug from sources in dev.
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
});
