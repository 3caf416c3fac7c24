import type { ReactNode } from 'react';
import { NumberField } from 'react-admin';
import { CountryField } from '../common/CountryField';
import { Property, PropertyList } from '../common/PropertyList';
import { BuyerFlags } from './BuyerFlags';

/** How this buyer has behaved: orders, disputes, wins, penalties, rating and flags. */
export const BuyerReputation = ({
    withFlags = true,
    children,
}: {
    withFlags?: boolean;
    children?: ReactNode;
}) => (
    <PropertyList>
        <Property source="country">
            <CountryField source="country" />
        </Property>
        <Property source="rating">
            <NumberField source="rating" />
        </Property>
        <Property source="ordersCount">
            <NumberField source="ordersCount" />
        </Property>
        <Property source="disputesCount">
            <NumberField source="disputesCount" />
        </Property>
        <Property source="disputesWonCount">
            <NumberField source="disputesWonCount" />
        </Property>
        <Property source="penaltyCount">
            <NumberField source="penaltyCount" />
        </Property>
        {withFlags && (
            <Property source="flagged">
                <BuyerFlags emptyText="—" />
            </Property>
        )}
        {children}
    </PropertyList>
);
