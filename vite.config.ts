import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config: Vite builds the renderer (root renderer/), Vitest runs unit and integration suites.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
  test: {
    root: '.',
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    server: { deps: { inline: ['electron-store'] } },
  },
});
