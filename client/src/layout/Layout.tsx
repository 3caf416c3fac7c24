import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { UnknownFilterGuard } from '../common/UnknownFilterGuard';
import { AppBar } from './AppBar';
import { fitToWindow } from './fitToWindow';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => (
    <RaLayout appBar={AppBar} menu={Menu} sx={fitToWindow}>
        <UnknownFilterGuard />
        {children}
    </RaLayout>
);
