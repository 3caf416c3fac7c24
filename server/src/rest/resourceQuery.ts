import type { DataSource, EntityManager } from 'typeorm';
import { dbBool, fromDbTimestamp, toDbTimestamp } from '../db/dbKind';
import { containsText } from '../db/textSearch';
import { MAX_DB_INT, type Condition, type ListParams } from './listParams';
import type { AnyQuery, Field, Resource } from './Resource';

function dbValue(field: Field, value: unknown): unknown {
    if (field.type === 'date' && value instanceof Date) return toDbTimestamp(value);
    if (field.type === 'bool') return dbBool(Boolean(value));
    return value;
}

/**
 * A lower bound as the engine compares it. SQLite holds timestamps as text, some written with
 * milliseconds (TypeORM) and some without (the column default); "…:SS" sorts before "…:SS.000",
 * so a bound on a whole second drops its zero milliseconds.
 */
function lowerBound(field: Field, value: unknown): unknown {
    const db = dbValue(field, value);
    return field.type === 'date' && typeof db === 'string' ? db.replace(/\.000$/, '') : db;
}

function neededJoins(resource: Resource, fieldNames: Iterable<string>): Set<string> {
    const joins = new Set<string>();
    for (const name of fieldNames) {
        const join = resource.fields[name]?.join;
        if (join) joins.add(join);
    }
    return joins;
}

function applyJoins(resource: Resource, qb: AnyQuery, joins: Set<string>) {
    for (const alias of joins) resource.joins![alias](qb);
}

function applyCondition(resource: Resource, qb: AnyQuery, condition: Condition, index: number) {
    const field = resource.fields[condition.field];
    const param = `p${index}`;
    switch (condition.op) {
        case 'null':
            qb.andWhere(`${field.column} IS NULL`);
            break;
        case 'eq':
            qb.andWhere(`${field.column} = :${param}`, { [param]: dbValue(field, condition.value) });
            break;
        case 'in':
            if (condition.value.length === 0) qb.andWhere('1 = 0');
            else
                qb.andWhere(`${field.column} IN (:...${param})`, {
                    [param]: condition.value.map((v) => dbValue(field, v)),
                });
            break;
        case 'gte':
            qb.andWhere(`${field.column} >= :${param}`, { [param]: lowerBound(field, condition.value) });
            break;
        case 'lte':
            if (field.type === 'date' && condition.value instanceof Date) {
                // Up to the end of that millisecond: PostgreSQL keeps microseconds the API does not show.
                const next = new Date(condition.value.getTime() + 1);
                qb.andWhere(`${field.column} < :${param}`, { [param]: dbValue(field, next) });
            } else {
                qb.andWhere(`${field.column} <= :${param}`, { [param]: dbValue(field, condition.value) });
            }
            break;
    }
}

/**
 * The `q` filter: `#14` is the record with id 14; `14` any int field equal to 14 or text
 * containing it; text is contained case-insensitively, and exact-value fields (searchExact) are
 * compared with the spellings as typed, upper and lower case.
 */
function applySearch(resource: Resource, qb: AnyQuery, q: string) {
    const parts: string[] = [];
    const byId = /^#\s*(\d{1,10})$/.exec(q);
    const number = byId ? byId[1] : q;
    const isInt = /^\d{1,10}$/.test(number) && Number(number) <= MAX_DB_INT;
    if (byId) {
        if (!isInt) return void qb.andWhere('1 = 0');
        return void qb.andWhere(`${resource.alias}.id = :qInt`, { qInt: Number(number) });
    }
    const texts: string[] = [];
    for (const name of resource.search ?? []) {
        const field = resource.fields[name];
        if (field.type === 'int') {
            if (isInt) parts.push(`${field.column} = :qInt`);
        } else {
            texts.push(field.column);
        }
    }
    const contains = texts.length > 0 ? containsText(texts, q) : null;
    if (contains) parts.push(contains.sql);
    parts.push(...(resource.searchExact ?? []));
    if (parts.length === 0) return;
    const qExact = [...new Set([q, q.toUpperCase(), q.toLowerCase()])];
    qb.andWhere(`(${parts.join(' OR ')})`, {
        qInt: isInt ? Number(q) : null,
        ...(resource.searchExact ? { qExact } : {}),
        ...contains?.params,
    });
}

/** A query for the rows matching the filters, joined only as far as the filters need. */
export function filteredQuery(
    dataSource: DataSource | EntityManager,
    resource: Resource,
    params: Pick<ListParams, 'conditions' | 'q'>,
    extraJoins: Iterable<string> = []
) {
    const qb = dataSource.getRepository(resource.entity).createQueryBuilder(resource.alias);
    const filterFields = params.conditions.map((c) => c.field);
    if (params.q) filterFields.push(...(resource.search ?? []));
    const joins = neededJoins(resource, filterFields);
    for (const alias of extraJoins) joins.add(alias);
    applyJoins(resource, qb, joins);
    params.conditions.forEach((condition, i) => applyCondition(resource, qb, condition, i));
    if (params.q) applySearch(resource, qb, params.q);
    return qb;
}

const shownFields = new WeakMap<Resource, [string, Field][]>();

/** The fields a record shows, in order (worked out once per resource: this runs for every row). */
function fieldsShown(resource: Resource): [string, Field][] {
    let fields = shownFields.get(resource);
    if (!fields) {
        fields = Object.entries(resource.fields).filter(([, field]) => !field.hidden);
        shownFields.set(resource, fields);
    }
    return fields;
}

/** Converts a raw row to the wire record: camelCase fields, ISO dates, real booleans and numbers. */
export function toRecord(resource: Resource, raw: Record<string, unknown>): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const [name, field] of fieldsShown(resource)) {
        const value = raw[name];
        if (value === null || value === undefined) record[name] = null;
        else if (field.type === 'int') record[name] = Number(value);
        else if (field.type === 'bool')
            record[name] = value === true || value === 1 || value === '1' || value === 't';
        else if (field.type === 'date') record[name] = fromDbTimestamp(value);
        else if (field.type === 'json') record[name] = typeof value === 'string' ? JSON.parse(value) : value;
        else record[name] = value;
    }
    return record;
}

export function selectRecord(resource: Resource, qb: AnyQuery) {
    qb.select([]);
    for (const [name, field] of Object.entries(resource.fields)) {
        if (!field.hidden) qb.addSelect(field.column, name);
    }
    return qb;
}

export function recordJoins(resource: Resource): Set<string> {
    return neededJoins(
        resource,
        Object.keys(resource.fields).filter((f) => !resource.fields[f].hidden)
    );
}

/** The two queries of a list request: one page of rows, and the count of all matching rows. */
export function listQueries(dataSource: DataSource, resource: Resource, params: ListParams) {
    const sortField = resource.fields[params.sort.field];
    const pageQuery = selectRecord(
        resource,
        filteredQuery(dataSource, resource, params, recordJoins(resource))
    )
        // Empty values are the largest on both engines (PostgreSQL's default; SQLite's is the opposite).
        .orderBy(
            sortField.column,
            params.sort.order,
            params.sort.order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST'
        )
        .limit(params.limit)
        .offset(params.offset);
    if (params.sort.field !== 'id') pageQuery.addOrderBy(`${resource.alias}.id`, params.sort.order);
    const countQuery = filteredQuery(dataSource, resource, params).select('COUNT(*)', 'total');
    return { pageQuery, countQuery };
}

type Statement = [sql: string, parameters: unknown[]];

/** The list SQL (named parameters) of each shape of request, or null where it cannot be reused. */
const listSql = new WeakMap<DataSource, Map<string, { page: string; count: string } | null>>();
const MAX_LIST_SHAPES = 1000;

/**
 * The conditions' and search's WHERE fragments and parameters, as `filteredQuery` adds them,
 * without building a query: the fragments name the shape of the request.
 */
function whereOf(resource: Resource, params: Pick<ListParams, 'conditions' | 'q'>) {
    const fragments: string[] = [];
    const values: Record<string, unknown> = {};
    const recorder = {
        andWhere(sql: string, parameters?: Record<string, unknown>) {
            fragments.push(sql);
            Object.assign(values, parameters);
            return recorder;
        },
    } as unknown as AnyQuery;
    params.conditions.forEach((condition, i) => applyCondition(resource, recorder, condition, i));
    if (params.q) applySearch(resource, recorder, params.q);
    return { fragments, values };
}

/**
 * The two statements of a list request. Building them with the query builder costs more than
 * running them, so the SQL of each shape of request (which filters with which operators, sort,
 * page) is built once and then only given the new values.
 */
export function listStatements(
    dataSource: DataSource,
    resource: Resource,
    params: ListParams
): { page: Statement; count: Statement } {
    let cache = listSql.get(dataSource);
    if (!cache) listSql.set(dataSource, (cache = new Map()));
    const { fragments, values } = whereOf(resource, params);
    const key = JSON.stringify([resource.name, fragments, params.sort, params.limit, params.offset]);
    const escape = (sql: string) => dataSource.driver.escapeQueryWithParameters(sql, values, {}) as Statement;
    const known = cache.get(key);
    if (known) return { page: escape(known.page), count: escape(known.count) };
    const { pageQuery, countQuery } = listQueries(dataSource, resource, params);
    const built = { page: pageQuery.getQueryAndParameters(), count: countQuery.getQueryAndParameters() };
    if (known === undefined) {
        const sql = { page: pageQuery.getQuery(), count: countQuery.getQuery() };
        // Kept only when the values alone give back the very same statements.
        const same =
            JSON.stringify([escape(sql.page), escape(sql.count)]) ===
            JSON.stringify([built.page, built.count]);
        if (cache.size >= MAX_LIST_SHAPES) cache.clear();
        cache.set(key, same ? sql : null);
    }
    return built;
}
