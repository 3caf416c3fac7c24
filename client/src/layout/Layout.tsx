import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { LiveEvents } from '../live/LiveEvents';
import { UnknownFilterGuard } from '../common/UnknownFilterGuard';
import { AppBar } from './AppBar';
import { fitToWindow } from './fitToWindow';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => (
    <RaLayout appBar={AppBar} menu={Menu} sx={fitToWindow}>
        <LiveEvents />
        <UnknownFilterGuard />
        {children}
    </RaLayout>
);
