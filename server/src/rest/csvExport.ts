/**
 * `GET /api/<res>/export.csv?filter=…&sort=…`: every record a list shows, with the list's filters
 * and sort, as CSV (RFC 4180). Streamed a page at a time from one read snapshot, each page found
 * by the last row's sort key (never an OFFSET), so a million rows take constant memory and time
 * per page. Text cells that a spreadsheet would run as a formula get a leading `'`.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../appContext';
import { dbKind } from '../db/dbKind';
import { readSnapshot } from '../db/readers';
import { badRequest } from '../http/HttpError';
import { parseListParams, type ListParams } from './listParams';
import type { Resource } from './Resource';
import { listQueries, toRecord } from './resourceQuery';
import { exactTimestamp, exportTimeZone } from './csvTimeZone';

export const EXPORT_PAGE_ROWS = 1000;

/** Characters that make a spreadsheet read a cell as a formula (with tab and CR, per OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: text neutralised against formulas, quoted when it holds a separator. */
export function csvCell(value: unknown): string {
    if (value === null || value === undefined) return '';
    let text: string;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
    else {
        const json = JSON.stringify(value);
        text = FORMULA_START.test(json) ? `'${json}` : json;
    }
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
    return `${values.map(csvCell).join(',')}\r\n`;
}

/** The columns of a resource's export: the fields a record shows, then its computed ones. */
function exportColumns(resource: Resource): string[] {
    const shown = Object.entries(resource.fields)
        .filter(([, field]) => !field.hidden)
        .map(([name]) => name);
    return [...shown, ...(resource.computed ?? [])];
}

/** The WHERE that continues a sorted list after its last row (the sort's NULL placement included). */
function after(resource: Resource, params: ListParams, last: Record<string, unknown>) {
    const column = resource.fields[params.sort.field].column;
    const id = `${resource.alias}.id`;
    const value = last.__sort;
    const lastId = last.__id;
    if (params.sort.field === 'id') {
        return {
            sql: `${id} ${params.sort.order === 'ASC' ? '>' : '<'} :exportId`,
            values: { exportId: lastId },
        };
    }
    const values = { exportValue: value, exportId: lastId };
    if (params.sort.order === 'ASC') {
        // Ascending: values, then the empty ones (NULLS LAST), each run ordered by id ascending.
        return value === null || value === undefined
            ? { sql: `(${column} IS NULL AND ${id} > :exportId)`, values }
            : {
                  sql: `(${column} > :exportValue OR (${column} = :exportValue AND ${id} > :exportId) OR ${column} IS NULL)`,
                  values,
              };
    }
    // Descending: the empty ones first (NULLS FIRST), then the values; ids descending.
    return value === null || value === undefined
        ? { sql: `((${column} IS NULL AND ${id} < :exportId) OR ${column} IS NOT NULL)`, values }
        : {
              sql: `(${column} < :exportValue OR (${column} = :exportValue AND ${id} < :exportId))`,
              values,
          };
}

function fileName(resource: Resource, now: Date): string {
    return `${resource.name}-${now.toISOString().slice(0, 10)}.csv`;
}

/** Writes, waiting for the client to take what was sent (never buffering the whole export). */
function write(res: Response, chunk: string): Promise<void> {
    if (res.write(chunk)) return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
        };
        res.on('drain', done);
        res.on('close', done);
    });
}

function parseExportParams(resource: Resource, req: Request): ListParams {
    const query = req.query as Record<string, unknown>;
    for (const key of Object.keys(query)) {
        if (key !== 'filter' && key !== 'sort' && key !== 'tz') {
            throw badRequest(`Unknown query parameter "${key}"; an export takes filter, sort and tz`, {
                [key]: 'allowed: filter, sort, tz',
            });
        }
    }
    const params = parseListParams(resource, { filter: query.filter, sort: query.sort });
    return { ...params, offset: 0, limit: EXPORT_PAGE_ROWS };
}

/** The handler of `GET /<res>/export.csv` (its route checks the list permission first). */
export function csvExport(context: AppContext, resource: Resource): RequestHandler {
    return async (req, res) => {
        const params = parseExportParams(resource, req);
        const timeZone = exportTimeZone(req.query.tz);
        const columns = exportColumns(resource);
        const dates = new Set(columns.filter((name) => resource.fields[name]?.type === 'date'));
        const cell = (record: Record<string, unknown>, name: string) => {
            const value = record[name];
            return dates.has(name) && typeof value === 'string' ? exactTimestamp(value, timeZone) : value;
        };
        const sortColumn = resource.fields[params.sort.field].column;
        let stopped = false;
        res.on('close', () => (stopped = true));
        await readSnapshot(context.reads, async (manager) => {
            res.status(200);
            res.set('Content-Type', 'text/csv; charset=utf-8');
            res.set(
                'Content-Disposition',
                `attachment; filename="${fileName(resource, context.clock.now())}"`
            );
            // The byte-order mark tells spreadsheets the file is UTF-8.
            await write(res, `\uFEFF${csvLine(columns)}`);
            let last: Record<string, unknown> | null = null;
            while (!stopped) {
                const { pageQuery } = listQueries(context.reads, resource, params);
                // PostgreSQL's timestamps hold microseconds a JS Date drops: the key goes back as text.
                const sortKey = dbKind === 'postgres' ? `CAST(${sortColumn} AS text)` : sortColumn;
                pageQuery.addSelect(sortKey, '__sort').addSelect(`${resource.alias}.id`, '__id');
                if (last) {
                    const next = after(resource, params, last);
                    pageQuery.andWhere(next.sql, next.values);
                }
                const rows = (await manager.query(...pageQuery.getQueryAndParameters())) as Record<
                    string,
                    unknown
                >[];
                if (rows.length === 0) break;
                const records = rows.map((row) => toRecord(resource, row));
                await resource.decorate?.(context, records);
                let text = '';
                for (const record of records) text += csvLine(columns.map((name) => cell(record, name)));
                await write(res, text);
                if (rows.length < EXPORT_PAGE_ROWS) break;
                last = rows[rows.length - 1];
            }
        });
        res.end();
    };
}
