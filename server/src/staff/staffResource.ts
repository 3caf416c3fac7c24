import { ROLES } from '../../../shared/domain';
import { Staff } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** Staff records; the password hash is never selected. */
export const staffResource = defineResource({
    name: 'staff',
    entity: Staff,
    alias: 'staff',
    fields: columns('staff', {
        email: { type: 'string', filter: true, sort: true },
        fullName: { type: 'string', sort: true },
        role: { type: 'string', filter: true, sort: true, values: ROLES },
        active: { type: 'bool', filter: true, sort: true },
        lockedUntil: { type: 'date' },
        createdAt: { type: 'date', range: true, sort: true },
        updatedAt: { type: 'date', sort: true },
    }),
    search: ['id', 'email', 'fullName'],
    defaultSort: ['fullName', 'ASC'],
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
