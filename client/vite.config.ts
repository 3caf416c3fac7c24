import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientDir = path.dirname(fileURLToPath(import.meta.url));
const backend = 'http://localhost:3000';

/**
 * Long-cached vendor chunks, so that an app change does not invalidate the libraries: only those
 * the first screen needs whole (React and its router) and those only lazily loaded screens use
 * (MUI X Charts for the dashboard, the lightbox, pdf.js).
 */
const vendorGroups = [
    {
        name: 'react',
        test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
    },
    // Every other library the first screen loads (MUI, react-admin …): what only lazily loaded
    // screens use stays with them.
    { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial' as const] },
    { name: 'charts', test: /node_modules[\\/]@mui[\\/]x-[a-z-]+[\\/]/ },
    { name: 'lightbox', test: /node_modules[\\/]yet-another-react-lightbox[\\/]/ },
    { name: 'pdf', test: /node_modules[\\/]pdfjs-dist[\\/]/ },
].map((group, index, all) => ({ ...group, priority: all.length - index }));

export default defineConfig({
    root: clientDir,
    plugins: [react()],
    resolve: {
        alias: [
            { find: 'object.entries', replacement: path.join(clientDir, 'src/shims/objectEntries.cjs') },
            {
                find: /^jsonexport\/dist\/index\.js$/,
                replacement: path.join(clientDir, 'src/shims/jsonexport.js'),
            },
            { find: /^zod$/, replacement: path.join(clientDir, 'src/shims/zod.ts') },
        ],
    },
    build: {
        outDir: path.join(clientDir, 'dist'),
        emptyOutDir: true,
        sourcemap: true,
        rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
    },
    server: {
        // The client imports the project's shared/ folder, one level above the Vite root.
        fs: { allow: [path.resolve(clientDir, '..')] },
        proxy: {
            '/api': backend,
            '/integration': backend,
            '/health': backend,
        },
    },
});
