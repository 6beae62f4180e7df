import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/precompress';

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    // Maps for our own tools (bench/support/sourceMapBytes.ts), never named in a bundle; the app
    // server does not serve them either (spa.ts).
    sourcemap: 'hidden',
    // Every browser the app supports (it needs <dialog>, ES2022) preloads modules natively; the
    // polyfill would only add bytes to the first page.
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev` serves the SPA from Vite and forwards everything server-side to the app server.
    proxy: {
      '/api': 'http://localhost:8787',
      '/auth': 'http://localhost:8787',
      '/emulator': 'http://localhost:8787',
    },
  },
  test: {
    // Vitest 4 has no globals; component tests opt into jsdom with a docblock.
    include: [
      'src/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'shared/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
