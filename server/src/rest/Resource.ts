import type { AppContext } from '../appContext';
import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyQuery = SelectQueryBuilder<any>;

export type FieldType = 'int' | 'string' | 'bool' | 'date' | 'json';

export interface Field {
    /** SQL expression, e.g. `dispute.status` or `buyer.name`. */
    column: string;
    type: FieldType;
    /** Equality / IN filter allowed. */
    filter?: boolean;
    /** `<field>_gte` / `<field>_lte` filters allowed. */
    range?: boolean;
    sort?: boolean;
    /** Join alias this field needs (declared in `joins`). */
    join?: string;
    /** Allowed values of an enumerated field. */
    values?: readonly string[];
    /** Not part of the record (filter-only). */
    hidden?: boolean;
}

export interface Resource {
    /** Name on the wire: `/api/<name>`. */
    name: string;
    entity: EntityTarget<ObjectLiteral>;
    /** SQL alias of the main table. */
    alias: string;
    /** Joins by alias; applied only when a selected or filtered field needs them. */
    joins?: Record<string, (qb: AnyQuery) => AnyQuery>;
    fields: Record<string, Field>;
    /** Fields searched by the free-text `q` filter (text: LIKE; int: equality). */
    search?: string[];
    /**
     * Further `q` conditions matched by exact value, so that an index serves them (e.g. the
     * tracking number of a party's order): SQL fragments comparing to `(:...qExact)`.
     */
    searchExact?: string[];
    defaultSort: [string, 'ASC' | 'DESC'];
    /** Adds fields that are not columns (computed at request time) to the records of an answer … */
    decorate?: (context: AppContext, records: Record<string, unknown>[]) => Promise<void>;
    /** … namely these: read-only, neither filtered nor sorted. */
    computed?: readonly string[];
}

/** Declares a resource, with `id` always present, filterable and sortable. */
export function defineResource(resource: Resource): Resource {
    return {
        ...resource,
        fields: {
            id: { column: `${resource.alias}.id`, type: 'int', filter: true, sort: true },
            ...resource.fields,
        },
    };
}

/** Shorthand for the columns of the main table. */
export function columns(
    alias: string,
    spec: Record<string, Omit<Field, 'column'> & { column?: string }>
): Record<string, Field> {
    const fields: Record<string, Field> = {};
    for (const [name, field] of Object.entries(spec)) {
        fields[name] = { ...field, column: field.column ?? `${alias}.${name}` };
    }
    return fields;
}
