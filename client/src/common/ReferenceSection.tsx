import type { ReactNode } from 'react';
import { Skeleton, Stack, Typography } from '@mui/material';
import {
    RecordContextProvider,
    ResourceContextProvider,
    ShowButton,
    useGetOne,
    useTranslate,
    type Identifier,
} from 'react-admin';
import { SectionCard } from './SectionCard';

/** A case-file block showing another record (the order, a party), with a link to its page. */
export const ReferenceSection = ({
    reference,
    id,
    title,
    icon,
    children,
}: {
    reference: string;
    id: Identifier | null | undefined;
    title: ReactNode;
    icon?: ReactNode;
    children: ReactNode;
}) => {
    const translate = useTranslate();
    const { data, isPending, error } = useGetOne(reference, { id: id! }, { enabled: id != null });
    return (
        <SectionCard
            title={title}
            icon={icon}
            data-testid={`section-${reference}`}
            action={
                data ? (
                    <ResourceContextProvider value={reference}>
                        <ShowButton record={data} size="small" sx={{ my: -0.5 }} />
                    </ResourceContextProvider>
                ) : undefined
            }
        >
            {isPending ? (
                <Stack spacing={1}>
                    <Skeleton width="80%" />
                    <Skeleton width="60%" />
                    <Skeleton width="70%" />
                </Stack>
            ) : error || !data ? (
                <Typography variant="body2" color="error">
                    {translate('ra.notification.item_doesnt_exist')}
                </Typography>
            ) : (
                <ResourceContextProvider value={reference}>
                    <RecordContextProvider value={data}>{children}</RecordContextProvider>
                </ResourceContextProvider>
            )}
        </SectionCard>
    );
};
