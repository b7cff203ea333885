// Builds the task pane (taskpane.html, opened by Outlook) and the /start form's script (served inside the web UI)
// into dist/, which the server serves under /addin/. Stable file names: the server sends them with ETags.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: '/addin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    rollupOptions: {
      input: {
        taskpane: resolve(import.meta.dirname, 'taskpane.html'),
        connect: resolve(import.meta.dirname, 'src/office/connect-dialog.ts'),
        start: resolve(import.meta.dirname, 'src/start.tsx'),
      },
      output: {
        entryFileNames: 'assets/[name].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
});
