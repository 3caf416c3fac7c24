import { Menu as RaMenu } from 'react-admin';
import { MenuSection } from './MenuSection';

/** Resources grouped by what the staff member is doing; each item shows only when the role may list it. */
const SECTIONS: [string, string[]][] = [
    ['app.menu.cases', ['queue', 'disputes', 'evidence-requests', 'attachments', 'decisions', 'refunds']],
    ['app.menu.parties', ['orders', 'buyers', 'sellers']],
    ['app.menu.administration', ['staff', 'audit-events']],
];

export const Menu = () => (
    <RaMenu>
        {SECTIONS.map(([title, resources], index) => (
            <MenuSection key={title} title={title} resources={resources} divider={index > 0} />
        ))}
    </RaMenu>
);
