import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Relative imports that climb to the project root and enter one of these folders. */
const importsOf = (...folders) =>
    folders.map((folder) => ({
        regex: `^(\\.\\./)+${folder}(/|$)`,
        message: `imports ${folder}/: shared/ serves both sides and imports neither; the client never imports the server.`,
    }));

export default tseslint.config(
    {
        ignores: [
            'node_modules',
            'client/dist',
            'data',
            'server/src/db/migrations/*.sqlite.ts',
            'server/src/db/migrations/*.postgres.ts',
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            globals: { ...globals.node, ...globals.browser },
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            '@typescript-eslint/no-unused-vars': [
                'error',
                { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
            ],
            // A promise nobody awaits loses its error; `void` marks a deliberate fire-and-forget.
            '@typescript-eslint/no-floating-promises': 'error',
            // Express 5 and React event props accept async functions: a promise passed as an argument is fine.
            '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
            '@typescript-eslint/await-thenable': 'error',
        },
    },
    {
        files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
        ...tseslint.configs.disableTypeChecked,
    },
    {
        files: ['client/**/*.tsx', 'client/**/*.ts'],
        plugins: { 'react-hooks': reactHooks },
        rules: reactHooks.configs.recommended.rules,
    },
    {
        files: ['shared/**'],
        rules: { 'no-restricted-imports': ['error', { patterns: importsOf('client', 'server') }] },
    },
    {
        files: ['client/**'],
        rules: { 'no-restricted-imports': ['error', { patterns: importsOf('server') }] },
    }
);
