import { defineConfig } from 'vite';

/**
 * The demo app (demo/). `npm run demo` serves it; `npm run build:demo` writes static files to
 * demo-dist/. COOP/COEP let the page be cross-origin isolated so the multi-thread ffmpeg core can
 * be tried; the single-thread core works without them.
 */
export default defineConfig({
  root: 'demo',
  base: './',
  server: {
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
  preview: {
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
  // @ffmpeg/ffmpeg starts its worker with new URL('./worker.js', import.meta.url); pre-bundling breaks that.
  optimizeDeps: { exclude: ['@ffmpeg/ffmpeg', '@ffmpeg/util'] },
  build: { outDir: '../demo-dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
});
