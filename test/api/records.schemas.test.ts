import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RECORD_SCHEMAS, timelineEntrySchema, type ResourceName } from '../../shared/schemas/records';
import { RESOURCES } from '../../server/src/api';
import type { Field, FieldType } from '../../server/src/rest/Resource';
import type { Agent } from '../helpers/agent';
import { seedAllCases } from '../helpers/resourceCases';
import { listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * The client's record types are inferred from shared/schemas/records.ts: this holds the server's
 * resource tables, and every record the API sends, to those schemas.
 */
let ctx: TestApp;
let api: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    await seedAllCases(ctx.dataSource);
});

afterAll(() => ctx?.close());

function schemaOf(name: string): z.ZodObject {
    expect(Object.keys(RECORD_SCHEMAS), `a schema for /api/${name}`).toContain(name);
    return RECORD_SCHEMAS[name as ResourceName];
}

/** The resource field type a schema's field corresponds to, and the values of an enumeration. */
function describeSchemaField(schema: z.ZodType): { type: FieldType; values?: string[] } {
    const inner = schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
    if (inner instanceof z.ZodEnum) return { type: 'string', values: inner.options.map(String) };
    if (inner instanceof z.ZodNumber) return { type: 'int' };
    if (inner instanceof z.ZodBoolean) return { type: 'bool' };
    if (inner instanceof z.ZodRecord || inner instanceof z.ZodArray) return { type: 'json' };
    const def = inner._zod.def as { type: string; format?: string };
    if (def.type === 'string') return { type: def.format === 'datetime' ? 'date' : 'string' };
    throw new Error(`no resource field type for a ${def.type} schema`);
}

function describeResourceField(field: Field): { type: FieldType; values?: string[] } {
    return field.values ? { type: field.type, values: [...field.values] } : { type: field.type };
}

const resources = RESOURCES.map((resource) => [resource.name, resource] as const);

describe.each(resources)('the shared record schema of /api/%s', (name, resource) => {
    it('names exactly the fields of the server resource table', () => {
        const columns = Object.keys(resource.fields).filter((field) => !resource.fields[field].hidden);
        const sent = [...columns, ...(resource.computed ?? [])];

        expect(Object.keys(schemaOf(name).shape).sort()).toEqual(sent.sort());
    });

    it('gives each column the type and the values of the resource table', () => {
        const shape = schemaOf(name).shape;
        for (const [field, spec] of Object.entries(resource.fields)) {
            if (spec.hidden) continue;
            const schemaField = describeSchemaField(shape[field] as z.ZodType);
            const expected = describeResourceField(spec);
            // An enumeration the table does not restrict (e.g. fromStatus) is still a string.
            if (!expected.values) delete schemaField.values;
            expect(schemaField, `${name}.${field}`).toEqual(expected);
        }
    });

    it('accepts every record the API sends', async () => {
        const res = await api.get(listUrl(`/api/${name}`, { range: [0, 999] }));

        expect(res.status).toBe(200);
        expect(res.body.length).toBeGreaterThan(0);
        const schema = schemaOf(name);
        for (const record of res.body) {
            const parsed = schema.safeParse(record);
            expect(parsed.error?.issues ?? [], `${name} #${record.id}`).toEqual([]);
        }
    });
});

describe('GET /api/disputes/:id/timeline', () => {
    it('sends entries of the shared timeline schema', async () => {
        const decisions = await api.get(listUrl('/api/decisions', { range: [0, 0] }));
        const disputeId = decisions.body[0].disputeId;

        const res = await api.get(`/api/disputes/${disputeId}/timeline`);

        expect(res.status).toBe(200);
        expect(res.body.map((entry: { kind: string }) => entry.kind)).toContain('decision');
        const parsed = z.array(timelineEntrySchema).safeParse(res.body);
        expect(parsed.error?.issues ?? []).toEqual([]);
    });
});
