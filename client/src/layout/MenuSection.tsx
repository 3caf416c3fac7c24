import { Divider, ListSubheader } from '@mui/material';
import {
    Menu as RaMenu,
    useCanAccessResources,
    useResourceDefinitions,
    useSidebarState,
    useTranslate,
} from 'react-admin';

export interface MenuSectionProps {
    title: string;
    resources: string[];
    divider?: boolean;
}

/** A titled group of menu items; hidden when the role may list none of its resources. */
export const MenuSection = ({ title, resources, divider }: MenuSectionProps) => {
    const translate = useTranslate();
    const [open] = useSidebarState();
    const definitions = useResourceDefinitions();
    const registered = resources.filter((name) => definitions[name]?.hasList);
    const { canAccess, isPending } = useCanAccessResources({ action: 'list', resources: registered });
    if (isPending || !registered.some((name) => canAccess?.[name])) return null;
    return (
        <>
            {divider && <Divider sx={{ my: 0.5 }} />}
            {open && (
                <ListSubheader
                    disableSticky
                    // A heading inside role="menu": not a list item of its own.
                    role="presentation"
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
            {registered.map((name) => (
                <RaMenu.ResourceItem key={name} name={name} />
            ))}
        </>
    );
};
