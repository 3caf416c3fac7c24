/**
 * What `zod` resolves to in the client build: zod itself, configured for the CSP first. Only the
 * lazily loaded screens that validate with shared/ schemas import zod, so the first screen no
 * longer carries zod's core only to configure it.
 */
import '../cspSafeZod';

export * from 'zod/v4';
export { default } from 'zod/v4';
