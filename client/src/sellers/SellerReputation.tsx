import { NumberField } from 'react-admin';
import { CountryField } from '../common/CountryField';
import { PermilleField } from '../common/PermilleField';
import { Property, PropertyList } from '../common/PropertyList';

/** How this seller has done: feedback, orders, disputes and disputes lost. */
export const SellerReputation = () => (
    <PropertyList>
        <Property source="country">
            <CountryField source="country" />
        </Property>
        <Property source="positiveFeedbackPermille">
            <PermilleField source="positiveFeedbackPermille" />
        </Property>
        <Property source="ordersCount">
            <NumberField source="ordersCount" />
        </Property>
        <Property source="disputesCount">
            <NumberField source="disputesCount" />
        </Property>
        <Property source="disputesLostCount">
            <NumberField source="disputesLostCount" />
        </Property>
    </PropertyList>
);
