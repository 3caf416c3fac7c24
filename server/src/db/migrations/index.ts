import { Initial1764100000000 } from './1764100000000-Initial';

/** Every migration, in order. */
export const migrations = [Initial1764100000000];
