import { QueryFailedError } from 'typeorm';

/** A write refused because a unique index already holds the value, on either engine. */
export function isUniqueViolation(err: unknown): boolean {
    if (!(err instanceof QueryFailedError)) return false;
    const driverError = err.driverError as { code?: string; message?: string } | undefined;
    return (
        driverError?.code === '23505' ||
        (driverError?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(driverError.message ?? ''))
    );
}
