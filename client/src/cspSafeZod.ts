import { z } from 'zod';

/**
 * The SPA runs under a Content-Security-Policy without 'unsafe-eval': zod must neither probe for
 * nor use `new Function` (its compiled parsers), or the browser reports a violation.
 */
z.config({ jitless: true });
