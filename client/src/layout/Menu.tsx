import { Fragment } from 'react';
import { Menu as RaMenu } from 'react-admin';
import { DashboardMenuItem } from '../dashboard/DashboardMenuItem';
import { ApprovalQueueMenuItem } from '../decisions/ApprovalQueueMenuItem';
import { MenuSection } from './MenuSection';

/** Resources grouped by what the staff member is doing; each item shows only when the role may list it. */
const SECTIONS: [string, string[]][] = [
    ['app.menu.cases', ['queue', 'disputes', 'evidence-requests', 'attachments', 'decisions', 'refunds']],
    ['supervision.menu', ['qa-reviews', 'mediator-quality']],
    ['app.menu.parties', ['orders', 'buyers', 'sellers']],
    ['app.menu.administration', ['staff', 'audit-events', 'outbox-events']],
];

export const Menu = () => (
    <RaMenu>
        <DashboardMenuItem />
        {SECTIONS.map(([title, resources], index) => (
            <Fragment key={title}>
                <MenuSection title={title} resources={resources} divider={index > 0} />
                {title === 'app.menu.cases' && <ApprovalQueueMenuItem />}
            </Fragment>
        ))}
    </RaMenu>
);
