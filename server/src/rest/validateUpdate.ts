import type { RequestHandler } from 'express';
import type { ZodObject } from 'zod';
import type { AppContext } from '../appContext';
import { badRequest, HttpError, notFound } from '../http/HttpError';
import { isJsonObject, NOT_AN_OBJECT } from '../http/validate';
import { parseId } from './listParams';
import type { Field, Resource } from './Resource';
import { getRecord } from './resourceReads';

/** Marks the body check of a PUT route (the route test checks that every PUT uses it). */
export const WHOLE_RECORD_UPDATE = Symbol('wholeRecordUpdate');

/** A computed field (no column) holding an ISO instant is compared as a date. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export type WholeRecordUpdateHandler = RequestHandler & { [WHOLE_RECORD_UPDATE]: true };

/** Whether a value sent for a read-only field is the one the record holds (dates as instants). */
function sameValue(field: Field | undefined, sent: unknown, current: unknown): boolean {
    if (sent === null || current === null || sent === undefined || current === undefined) {
        return (sent ?? null) === (current ?? null);
    }
    const isDate = field ? field.type === 'date' : typeof current === 'string' && ISO_INSTANT.test(current);
    if (isDate) {
        const time = typeof sent === 'string' ? Date.parse(sent) : NaN;
        return !Number.isNaN(time) && time === Date.parse(String(current));
    }
    return JSON.stringify(sent) === JSON.stringify(current);
}

/**
 * The body check of `PUT /<resource>/:id`, one rule for every resource: ra-data-simple-rest's
 * `update` sends the whole record, so
 * - fields the schema takes are validated by it;
 * - read-only fields of the record (id, email, timestamps, computed fields …) are dropped when
 *   they hold the stored value, and refused with 400 naming them when they differ; a different
 *   `updatedAt` means the client edited an outdated copy: 409 (to the second on SQLite);
 * - any other field is refused with 400 naming it (no mass assignment).
 */
export function validateUpdate(
    context: AppContext,
    resource: Resource,
    schema: ZodObject
): WholeRecordUpdateHandler {
    const writable = new Set(Object.keys(schema.shape));
    const readOnly = [
        ...Object.keys(resource.fields).filter((name) => !resource.fields[name].hidden),
        ...(resource.computed ?? []),
    ].filter((name) => !writable.has(name));
    const handler: RequestHandler = async (req, _res, next) => {
        const body: unknown = req.body ?? {};
        if (!isJsonObject(body)) return next(badRequest(NOT_AN_OBJECT));

        const unknown = Object.keys(body).filter((name) => !writable.has(name) && !readOnly.includes(name));
        if (unknown.length > 0) {
            return next(
                badRequest(
                    `Unknown fields for ${resource.name}: ${unknown.join(', ')}`,
                    Object.fromEntries(unknown.map((name) => [name, 'is not a field of this record']))
                )
            );
        }

        const sent = readOnly.filter((name) => Object.hasOwn(body, name));
        if (sent.length > 0) {
            const id = parseId(req.params.id);
            const current = await getRecord(context.dataSource, resource, id);
            if (!current) return next(notFound(`${resource.name} ${id} does not exist`));
            await resource.decorate?.(context, [current]);
            const changed = sent.filter(
                (name) => !sameValue(resource.fields[name], body[name], current[name])
            );
            if (changed.includes('updatedAt')) {
                return next(
                    new HttpError(
                        409,
                        `${resource.name} ${id} was changed since it was read; reload it and try again`,
                        { updatedAt: `is ${String(current.updatedAt)} now` }
                    )
                );
            }
            if (changed.length > 0) {
                return next(
                    badRequest(
                        `Read-only fields of ${resource.name} cannot be changed: ${changed.join(', ')}`,
                        Object.fromEntries(changed.map((name) => [name, 'is read-only']))
                    )
                );
            }
        }

        const result = schema.safeParse(
            Object.fromEntries(Object.entries(body).filter(([name]) => writable.has(name)))
        );
        if (!result.success) return next(result.error);
        req.body = result.data;
        next();
    };
    return Object.assign(handler, { [WHOLE_RECORD_UPDATE]: true as const });
}
