import { NumberField, TextField, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { Property, PropertyList } from '../common/PropertyList';
import { RelativeDateField } from '../common/RelativeDateField';

/** What was bought, how it was paid and shipped, and how long it is protected (an order in context). */
export const OrderDetails = () => {
    const translate = useTranslate();
    return (
        <PropertyList>
            <Property source="productTitle">
                <TextField source="productTitle" sx={{ fontWeight: 500 }} />
            </Property>
            <Property source="externalId">
                <TextField source="externalId" />
            </Property>
            <Property source="quantity">
                <NumberField source="quantity" />
            </Property>
            <Property source="unitPrice">
                <MoneyField source="unitPrice" />
            </Property>
            <Property source="total">
                <MoneyField source="total" sx={{ fontWeight: 600 }} />
            </Property>
            <Property source="paymentMethod">
                <EnumField source="paymentMethod" enumName="paymentMethod" />
            </Property>
            <Property source="trackingNumber">
                <TextField source="trackingNumber" sx={{ fontFamily: 'monospace' }} />
            </Property>
            <Property source="shippedAt">
                <RelativeDateField source="shippedAt" emptyText={translate('resources.orders.not_shipped')} />
            </Property>
            <Property source="completedAt">
                <RelativeDateField
                    source="completedAt"
                    emptyText={translate('resources.orders.not_completed')}
                />
            </Property>
            <Property source="protectionEndsAt">
                <RelativeDateField source="protectionEndsAt" />
            </Property>
        </PropertyList>
    );
};
