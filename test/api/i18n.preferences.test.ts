import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Staff } from '../../server/src/entities';
import { TEST_PASSWORD } from '../helpers/agent';
import { buildDispute, buildMessage } from '../helpers/factories';
import { auditOf } from '../helpers/jobs';
import { expectUnauthorized, freshAgent } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

const localeOf = async (id: number) =>
    (await ctx.dataSource.getRepository(Staff).findOneByOrFail({ id })).locale;

describe('PATCH /api/auth/me/preferences', () => {
    it('remembers the language of the staff member who asks, for GET /api/auth/me and the next sign-in', async () => {
        const mediator = await freshAgent(ctx, 'mediator');
        const other = await freshAgent(ctx, 'mediator');
        expect((await mediator.get('/api/auth/me')).body.locale).toBe('en');

        const res = await mediator.patch('/api/auth/me/preferences').send({ locale: 'ru' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toEqual({ locale: 'ru' });

        expect(await localeOf(mediator.staff.id)).toBe('ru');
        expect((await mediator.get('/api/auth/me')).body).toMatchObject({
            id: mediator.staff.id,
            locale: 'ru',
        });
        const login = await ctx
            .request()
            .post('/api/auth/login')
            .send({ email: mediator.staff.email, password: TEST_PASSWORD });
        expect(login.body.locale).toBe('ru');
        // Nobody else's language changes.
        expect((await other.get('/api/auth/me')).body.locale).toBe('en');
    });

    it('records the change in the audit log, once per actual change', async () => {
        const support = await freshAgent(ctx, 'support');
        await support.patch('/api/auth/me/preferences').send({ locale: 'ru' }).expect(200);
        await support.patch('/api/auth/me/preferences').send({ locale: 'ru' }).expect(200);
        await support.patch('/api/auth/me/preferences').send({ locale: 'en' }).expect(200);
        const events = (await auditOf(ctx, 'staff', support.staff.id)).filter(
            (event) => event.action === 'staff.preferences'
        );
        expect(events.map((event) => [event.actorId, event.before, event.after])).toEqual([
            [support.staff.id, { locale: 'en' }, { locale: 'ru' }],
            [support.staff.id, { locale: 'ru' }, { locale: 'en' }],
        ]);
    });

    it.each([
        [{ locale: 'de' }, 'locale'],
        [{ locale: 7 }, 'locale'],
        [{}, 'locale'],
        [{ locale: 'ru', role: 'supervisor' }, 'role'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
        const agent = await freshAgent(ctx, 'support');
        const res = await agent.patch('/api/auth/me/preferences').send(body);
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(JSON.stringify(res.body)).toContain(field);
        expect(await localeOf(agent.staff.id)).toBe('en');
        const after = await ctx.dataSource.getRepository(Staff).findOneByOrFail({ id: agent.staff.id });
        expect(after.role).toBe('support');
    });

    it('needs a session and its CSRF token', async () => {
        expectUnauthorized(await ctx.request().patch('/api/auth/me/preferences').send({ locale: 'ru' }));
        const agent = await freshAgent(ctx, 'support');
        const res = await ctx
            .request()
            .patch('/api/auth/me/preferences')
            .set('Cookie', agent.cookie)
            .send({ locale: 'ru' });
        expect(res.status).toBe(403);
        expect(await localeOf(agent.staff.id)).toBe('en');
    });
});

describe('the language of a message', () => {
    it('is told on the server (ISO 639-1), null when too short, and the text stays as written', async () => {
        const mediator = await ctx.as('mediator');
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const russian = 'Здравствуйте! Товар пришёл с браком, прошу вернуть деньги за заказ.';
        const english = 'Hello, the parcel never arrived and tracking has not moved for three weeks.';
        const short = 'Ок, спасибо';
        for (const [body, authorKind] of [
            [russian, 'buyer'],
            [english, 'seller'],
            [short, 'buyer'],
        ] as const) {
            await buildMessage(ctx.dataSource, { disputeId: dispute.id, body, authorKind });
        }

        const list = await mediator.get(`/api/messages?filter=${JSON.stringify({ disputeId: dispute.id })}`);
        expect(list.status, JSON.stringify(list.body)).toBe(200);
        expect(list.body.map((m: { body: string; language: string | null }) => [m.body, m.language])).toEqual(
            [
                [russian, 'ru'],
                [english, 'en'],
                [short, null],
            ]
        );

        const one = await mediator.get(`/api/messages/${list.body[0].id}`);
        expect(one.body).toMatchObject({ body: russian, language: 'ru' });

        const timeline = await mediator.get(`/api/disputes/${dispute.id}/timeline`);
        expect(timeline.status, JSON.stringify(timeline.body)).toBe(200);
        const messages = (timeline.body as { kind: string; record: { language: string | null } }[])
            .filter((entry) => entry.kind === 'message')
            .map((entry) => entry.record.language);
        expect(messages).toEqual(['ru', 'en', null]);
    });
});
