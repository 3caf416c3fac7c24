import type { DataSource, ObjectLiteral } from 'typeorm';
import type { ResourceCase } from './resourceCases';

/** Expected results of list requests, computed from the rows in the database. */

export type Row = ObjectLiteral & { id: number };

/** Every row of the table, read through TypeORM: the ground truth the API is compared with. */
export async function rowsOf(ds: DataSource, c: ResourceCase): Promise<Row[]> {
    return (await ds.getRepository(c.entity).find()) as Row[];
}

function comparable(value: unknown): number | string {
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value as number | string;
}

/** Ids in the order the API must return them: by field, ties broken by id in the same direction. */
export function sortedIds(rows: Row[], field: string, order: 'ASC' | 'DESC'): number[] {
    const sign = order === 'ASC' ? 1 : -1;
    return [...rows]
        .sort((a, b) => {
            const x = comparable(a[field]);
            const y = comparable(b[field]);
            return (x < y ? -1 : x > y ? 1 : a.id - b.id) * sign;
        })
        .map((row) => row.id);
}

/** Ids (ascending) of the rows whose field equals the value or one of the values. */
export function idsWhere(rows: Row[], field: string, values: unknown[]): number[] {
    return rows
        .filter((row) => values.includes(row[field]))
        .map((row) => row.id)
        .sort((a, b) => a - b);
}
