import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { LiveEvents } from '../live/LiveEvents';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => (
    <RaLayout appBar={AppBar} menu={Menu}>
        <LiveEvents />
        {children}
    </RaLayout>
);
