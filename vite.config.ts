import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:8787';

/** The web app: src/web is the Vite root; the server serves dist/web next to the API on one port. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: {
    // changeOrigin stays off: Sign-In with Ethereum checks that the message's domain is the host the browser used.
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/blobs': { target: api, changeOrigin: false },
    },
  },
});
