import { Fragment } from 'react';
import { Divider, ListSubheader } from '@mui/material';
import { Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';

/** Resources grouped by what the staff member is doing. */
const SECTIONS: [string, string[]][] = [
    ['app.menu.cases', ['disputes', 'evidence-requests', 'attachments', 'decisions', 'refunds']],
    ['app.menu.parties', ['orders', 'buyers', 'sellers']],
    ['app.menu.administration', ['staff', 'audit-events']],
];

export const Menu = () => {
    const translate = useTranslate();
    const [open] = useSidebarState();
    return (
        <RaMenu>
            {SECTIONS.map(([title, resources], index) => (
                <Fragment key={title}>
                    {index > 0 && <Divider sx={{ my: 0.5 }} />}
                    {open && (
                        <ListSubheader
                            disableSticky
                            sx={{
                                lineHeight: '32px',
                                bgcolor: 'transparent',
                                fontSize: 11,
                                textTransform: 'uppercase',
                            }}
                        >
                            {translate(title)}
                        </ListSubheader>
                    )}
                    {resources.map((name) => (
                        <RaMenu.ResourceItem key={name} name={name} />
                    ))}
                </Fragment>
            ))}
        </RaMenu>
    );
};
