import { ROLES } from '../../../shared/domain';
import type { AppContext } from '../appContext';
import { lockedUntil } from '../auth/loginThrottle';
import { Staff } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** `lockedUntil`: when the sign-in lockout of each staff member ends, computed from the login attempts. */
async function withLockout(context: AppContext, records: Record<string, unknown>[]): Promise<void> {
    const { dataSource, config, clock } = context;
    const emails = records.map((record) => String(record.email));
    const locked = await lockedUntil(dataSource.manager, config.policy, emails, clock.now());
    for (const record of records) {
        record.lockedUntil = locked.get(String(record.email))?.toISOString() ?? null;
    }
}

/** Staff records (the password hash is never selected), with their lockout state. */
export const staffResource = defineResource({
    name: 'staff',
    entity: Staff,
    alias: 'staff',
    fields: columns('staff', {
        email: { type: 'string', filter: true, sort: true },
        fullName: { type: 'string', sort: true },
        role: { type: 'string', filter: true, sort: true, values: ROLES },
        active: { type: 'bool', filter: true, sort: true },
        createdAt: { type: 'date', range: true, sort: true },
        updatedAt: { type: 'date', sort: true },
    }),
    search: ['id', 'email', 'fullName'],
    defaultSort: ['fullName', 'ASC'],
    decorate: withLockout,
    computed: ['lockedUntil'],
});

/** Who's who, for every role: names to show and filter by (assignee, mediator), nothing more. */
export const staffDirectoryResource = defineResource({
    name: 'staff-directory',
    entity: Staff,
    alias: 'member',
    fields: columns('member', {
        fullName: { type: 'string', sort: true },
        role: { type: 'string', filter: true, sort: true, values: ROLES },
        active: { type: 'bool', filter: true },
    }),
    search: ['fullName'],
    defaultSort: ['fullName', 'ASC'],
});
