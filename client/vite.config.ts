import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientDir = path.dirname(fileURLToPath(import.meta.url));
const backend = 'http://localhost:3000';

/** Long-cached vendor chunks, so that an app change does not invalidate the libraries. */
const vendorGroups = [
    {
        name: 'react',
        test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
    },
    { name: 'mui', test: /node_modules[\\/](@mui[\\/](?!x-)|@emotion[\\/])/ },
    { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-[a-z-]+|@tanstack|react-hook-form)[\\/]/ },
    // MUI X Charts only in the lazily loaded dashboard's own chunk, not in every role's first screen.
    { name: 'charts', test: /node_modules[\\/]@mui[\\/]x-[a-z-]+[\\/]/ },
    { name: 'vendor', test: /node_modules[\\/]/ },
].map((group, index, all) => ({ ...group, priority: all.length - index }));

export default defineConfig({
    root: clientDir,
    plugins: [react()],
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
