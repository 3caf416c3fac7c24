import { config } from 'zod/v4/core';

/**
 * The SPA runs under a Content-Security-Policy without 'unsafe-eval': zod must neither probe for
 * nor use `new Function` (its compiled parsers), or the browser reports a violation. Evaluated
 * before any schema is built: shims/zod.ts, which every client import of `zod` resolves to,
 * imports this module first.
 */
config({ jitless: true });
