import { Grid, Stack } from '@mui/material';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import ReceiptLongOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import StorefrontOutlinedIcon from '@mui/icons-material/StorefrontOutlined';
import { Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { BuyerReputation } from '../buyers/BuyerReputation';
import { ReferenceSection } from '../common/ReferenceSection';
import { SectionCard } from '../common/SectionCard';
import { DisputesTable } from '../disputes/DisputesTable';
import { SellerReputation } from '../sellers/SellerReputation';
import type { Order } from '../types';
import { OrderDetails } from './OrderDetails';
import { useRecordNotFound } from '../common/useRecordNotFound';

const OrderFile = () => {
    const order = useRecordContext<Order>();
    const translate = useTranslate();
    if (!order) return null;
    return (
        <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: 8 }}>
                <Stack spacing={2}>
                    <SectionCard
                        title={translate('resources.disputes.sections.order')}
                        icon={<ReceiptLongOutlinedIcon fontSize="small" />}
                    >
                        <OrderDetails />
                    </SectionCard>
                    <SectionCard
                        title={translate('resources.orders.sections.disputes')}
                        icon={<ReportProblemOutlinedIcon fontSize="small" />}
                    >
                        <DisputesTable target="orderId" />
                    </SectionCard>
                </Stack>
            </Grid>
            <Grid size={{ xs: 12, lg: 4 }}>
                <Stack spacing={2}>
                    <ReferenceSection
                        reference="buyers"
                        id={order.buyerId}
                        title={translate('resources.disputes.sections.buyer')}
                        icon={<PersonOutlineIcon fontSize="small" />}
                    >
                        <TextField source="name" variant="subtitle1" sx={{ display: 'block', mb: 1 }} />
                        <BuyerReputation />
                    </ReferenceSection>
                    <ReferenceSection
                        reference="sellers"
                        id={order.sellerId}
                        title={translate('resources.disputes.sections.seller')}
                        icon={<StorefrontOutlinedIcon fontSize="small" />}
                    >
                        <TextField source="storeName" variant="subtitle1" sx={{ display: 'block', mb: 1 }} />
                        <SellerReputation />
                    </ReferenceSection>
                </Stack>
            </Grid>
        </Grid>
    );
};

export const OrderShow = () => (
    <Show component="div" queryOptions={useRecordNotFound()}>
        <OrderFile />
    </Show>
);
