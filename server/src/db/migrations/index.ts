import { Initial1764100000000 } from './1764100000000-Initial';
import { AuditAppendOnly1764100000001 } from './1764100000001-AuditAppendOnly';

/** Every migration, in order. */
export const migrations = [Initial1764100000000, AuditAppendOnly1764100000001];
