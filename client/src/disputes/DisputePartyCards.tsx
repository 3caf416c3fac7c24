import { Box, Typography } from '@mui/material';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import ShoppingCartOutlinedIcon from '@mui/icons-material/ShoppingCartOutlined';
import StorefrontOutlinedIcon from '@mui/icons-material/StorefrontOutlined';
import { TextField, useRecordContext, useTranslate } from 'react-admin';
import { BuyerFlags } from '../buyers/BuyerFlags';
import { BuyerReputation } from '../buyers/BuyerReputation';
import { ReferenceSection } from '../common/ReferenceSection';
import { OrderDetails } from '../orders/OrderDetails';
import { SellerReputation } from '../sellers/SellerReputation';
import type { Buyer, Dispute } from '../types';

const Name = ({ source }: { source: string }) => (
    <Typography variant="subtitle1" component="div" sx={{ fontWeight: 600, mb: 1 }}>
        <TextField source={source} variant="inherit" />
    </Typography>
);

/** Why the buyer is flagged: the reason four-eyes applies to this dispute's ruling. */
const BuyerFlagReason = () => {
    const buyer = useRecordContext<Buyer>();
    if (!buyer?.flagged || !buyer.flagReason) return null;
    return (
        <Typography
            variant="caption"
            color="error"
            component="div"
            sx={{ mt: 0.5 }}
            data-testid="buyer-flag-reason"
        >
            {buyer.flagReason}
        </Typography>
    );
};

/** The order and both parties of a dispute, each loaded from its own resource. */
export const DisputePartyCards = () => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <>
            <ReferenceSection
                reference="orders"
                id={record.orderId}
                title={translate('resources.disputes.sections.order')}
                icon={<ShoppingCartOutlinedIcon fontSize="small" />}
            >
                <OrderDetails />
            </ReferenceSection>
            <ReferenceSection
                reference="buyers"
                id={record.buyerId}
                title={translate('resources.disputes.sections.buyer')}
                icon={<PersonOutlineIcon fontSize="small" />}
            >
                <Name source="name" />
                <Box sx={{ mb: 1 }}>
                    <BuyerFlags />
                    <BuyerFlagReason />
                </Box>
                <BuyerReputation withFlags={false} />
            </ReferenceSection>
            <ReferenceSection
                reference="sellers"
                id={record.sellerId}
                title={translate('resources.disputes.sections.seller')}
                icon={<StorefrontOutlinedIcon fontSize="small" />}
            >
                <Name source="storeName" />
                <SellerReputation />
            </ReferenceSection>
        </>
    );
};
