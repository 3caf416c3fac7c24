import { hasControlCharacter, NO_CONTROL_CHARACTERS } from '../../../shared/schemas/text';
import { badRequest, notFound } from '../http/HttpError';
import type { Field, Resource } from './Resource';

export const MAX_PAGE_ROWS = 1000;
/** Largest value of an `integer` column (PostgreSQL's is 32-bit: a larger parameter is an error). */
export const MAX_DB_INT = 2_147_483_647;
const DEFAULT_PAGE_ROWS = 25;

export type Condition =
    | { field: string; op: 'eq'; value: unknown }
    | { field: string; op: 'in'; value: unknown[] }
    | { field: string; op: 'gte' | 'lte'; value: unknown }
    | { field: string; op: 'null' };

export interface ListParams {
    conditions: Condition[];
    q: string | null;
    sort: { field: string; order: 'ASC' | 'DESC' };
    offset: number;
    limit: number;
}

function parseJson(name: string, raw: unknown): unknown {
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string') throw badRequest(`"${name}" must be given once, as JSON`);
    try {
        return JSON.parse(raw);
    } catch {
        throw badRequest(`"${name}" is not valid JSON`);
    }
}

/** Validates one filter value against its field's type; returns it as the database compares it. */
export function filterValue(resource: Resource, name: string, field: Field, value: unknown): unknown {
    const fail = (what: string) =>
        badRequest(`Filter "${name}" on ${resource.name} must be ${what}`, { [name]: `must be ${what}` });
    switch (field.type) {
        case 'int': {
            const int = typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
            if (typeof int === 'number' && Number.isSafeInteger(int) && Math.abs(int) <= MAX_DB_INT)
                return int;
            throw fail(`an integer between -${MAX_DB_INT} and ${MAX_DB_INT}`);
        }
        case 'bool':
            if (typeof value === 'boolean') return value;
            if (value === 'true' || value === 'false') return value === 'true';
            throw fail('true or false');
        case 'date': {
            if (typeof value !== 'string' && typeof value !== 'number') throw fail('a date (ISO 8601)');
            const date = new Date(value);
            if (Number.isNaN(date.getTime())) throw fail('a date (ISO 8601)');
            return date;
        }
        case 'string':
            if (typeof value !== 'string' && typeof value !== 'number') throw fail('a string');
            if (typeof value === 'string' && hasControlCharacter(value))
                throw controlCharacters(resource, name);
            if (field.values && !field.values.includes(String(value))) {
                throw fail(`one of ${field.values.join(', ')}`);
            }
            return String(value);
        default:
            throw fail('something this field can be filtered on');
    }
}

function controlCharacters(resource: Resource, name: string) {
    return badRequest(`Filter "${name}" on ${resource.name} ${NO_CONTROL_CHARACTERS}`, {
        [name]: NO_CONTROL_CHARACTERS,
    });
}

function parseFilter(resource: Resource, raw: unknown): Pick<ListParams, 'conditions' | 'q'> {
    return parseFilterObject(resource, parseJson('filter', raw) ?? {});
}

/** Validates a filter object (`{field: value, field_gte: …, q: …}`) against a resource's fields. */
export function parseFilterObject(resource: Resource, filter: unknown): Pick<ListParams, 'conditions' | 'q'> {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
        throw badRequest('"filter" must be a JSON object');
    }
    const conditions: Condition[] = [];
    let q: string | null = null;
    for (const [key, value] of Object.entries(filter)) {
        if (key === 'q' && resource.search) {
            if (typeof value !== 'string') throw badRequest('Filter "q" must be a string');
            if (hasControlCharacter(value)) throw controlCharacters(resource, 'q');
            q = value.trim() || null;
            continue;
        }
        const range = /^(.+)_(gte|lte)$/.exec(key);
        const name = range ? range[1] : key;
        const field = resource.fields[name];
        if (!field || !(range ? field.range : field.filter)) {
            throw badRequest(`Unknown filter field "${key}" for ${resource.name}`, {
                [key]: `allowed: ${allowedFilters(resource).join(', ')}`,
            });
        }
        if (range) {
            conditions.push({
                field: name,
                op: range[2] as 'gte' | 'lte',
                value: filterValue(resource, key, field, value),
            });
        } else if (value === null) {
            conditions.push({ field: name, op: 'null' });
        } else if (Array.isArray(value)) {
            if (value.length > MAX_PAGE_ROWS)
                throw badRequest(`Filter "${key}" lists more than ${MAX_PAGE_ROWS} values`);
            conditions.push({
                field: name,
                op: 'in',
                value: value.map((v) => filterValue(resource, key, field, v)),
            });
        } else {
            conditions.push({ field: name, op: 'eq', value: filterValue(resource, key, field, value) });
        }
    }
    return { conditions, q };
}

export function allowedFilters(resource: Resource): string[] {
    const names: string[] = resource.search ? ['q'] : [];
    for (const [name, field] of Object.entries(resource.fields)) {
        if (field.filter) names.push(name);
        if (field.range) names.push(`${name}_gte`, `${name}_lte`);
    }
    return names;
}

function parseSort(resource: Resource, raw: unknown): ListParams['sort'] {
    const sort = parseJson('sort', raw);
    if (sort === undefined) return { field: resource.defaultSort[0], order: resource.defaultSort[1] };
    if (
        !Array.isArray(sort) ||
        sort.length !== 2 ||
        typeof sort[0] !== 'string' ||
        typeof sort[1] !== 'string'
    ) {
        throw badRequest('"sort" must be ["field","ASC"|"DESC"]');
    }
    const order = sort[1].toUpperCase();
    if (order !== 'ASC' && order !== 'DESC') throw badRequest('Sort order must be ASC or DESC');
    const field = resource.fields[sort[0]];
    if (!field?.sort) {
        const allowed = Object.keys(resource.fields).filter((f) => resource.fields[f].sort);
        throw badRequest(
            `Cannot sort ${resource.name} by "${sort[0]}"; sortable fields: ${allowed.join(', ')}`
        );
    }
    return { field: sort[0], order };
}

function parseRange(raw: unknown): Pick<ListParams, 'offset' | 'limit'> {
    const range = parseJson('range', raw);
    if (range === undefined) return { offset: 0, limit: DEFAULT_PAGE_ROWS };
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n))) {
        throw badRequest('"range" must be [first, last] with two whole numbers');
    }
    const [first, last] = range as [number, number];
    if (first < 0 || last < 0) throw badRequest('"range" bounds cannot be negative');
    if (last < first) throw badRequest('"range" is inverted: last comes before first');
    if (last - first + 1 > MAX_PAGE_ROWS) throw badRequest(`A page holds at most ${MAX_PAGE_ROWS} rows`);
    return { offset: first, limit: last - first + 1 };
}

/** Reads `filter`, `range` and `sort` of a ra-data-simple-rest list request. */
export function parseListParams(resource: Resource, query: Record<string, unknown>): ListParams {
    for (const key of Object.keys(query)) {
        if (!['filter', 'range', 'sort'].includes(key)) {
            throw badRequest(`Unknown query parameter "${key}"; use filter, range and sort`);
        }
    }
    const filter = parseFilter(resource, query.filter);
    const page = parseRange(query.range);
    // ra-data-simple-rest's getMany sends `filter={"id":[…]}` without a range: answer every listed id.
    const ids = filter.conditions.find((c) => c.field === 'id' && c.op === 'in');
    if (query.range === undefined && ids?.op === 'in') page.limit = Math.max(page.limit, ids.value.length);
    return { ...filter, sort: parseSort(resource, query.sort), ...page };
}

/** Route ids are positive integers. */
export function parseId(raw: string | string[] | undefined, what = 'id'): number {
    if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw))
        throw badRequest(`${what} must be a positive integer, got "${raw}"`);
    // Beyond the id column's range nothing can exist (and PostgreSQL would refuse the comparison).
    if (Number(raw) > MAX_DB_INT) throw notFound(`Nothing has ${what} ${raw}`);
    return Number(raw);
}
