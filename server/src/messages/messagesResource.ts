import { MESSAGE_AUTHOR_KINDS, MESSAGE_VISIBILITIES } from '../../../shared/domain';
import { Message } from '../entities';
import { columns, defineResource } from '../rest/Resource';
import { messageLanguage } from './messageLanguage';

/** Messages of a dispute: from the parties, from staff, internal notes. */
export const messagesResource = defineResource({
    name: 'messages',
    entity: Message,
    alias: 'message',
    joins: { author: (qb) => qb.leftJoin('staff', 'author', 'author.id = message.authorStaffId') },
    fields: {
        ...columns('message', {
            disputeId: { type: 'int', filter: true, sort: true },
            authorKind: { type: 'string', filter: true, values: MESSAGE_AUTHOR_KINDS },
            authorStaffId: { type: 'int', filter: true },
            visibility: { type: 'string', filter: true, values: MESSAGE_VISIBILITIES },
            body: { type: 'string' },
            createdAt: { type: 'date', range: true, sort: true },
        }),
        authorName: { column: 'author.fullName', type: 'string', join: 'author' },
    },
    search: ['body'],
    defaultSort: ['createdAt', 'ASC'],
    /** The language the message is written in (null when too short to tell); its text stays as sent. */
    decorate: async (_context, records) => {
        for (const record of records) {
            record.language = typeof record.body === 'string' ? messageLanguage(record.body) : null;
        }
    },
    computed: ['language'],
});
