import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** A quiet, dense back-office theme: small type, compact tables, colour kept for states. */
export const theme: RaThemeOptions = {
    ...defaultLightTheme,
    palette: {
        mode: 'light',
        primary: { main: '#1f4e79' },
        secondary: { main: '#6a4c93' },
        background: { default: '#f4f6f8' },
    },
    shape: { borderRadius: 6 },
    typography: {
        fontSize: 13,
        fontFamily: ['Inter', 'Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif'].join(','),
        h6: { fontWeight: 600 },
        subtitle2: { fontWeight: 600 },
    },
    sidebar: { width: 220, closedWidth: 50 },
    components: {
        ...defaultLightTheme.components,
        MuiAppBar: {
            styleOverrides: { root: { boxShadow: 'none' } },
        },
        MuiCard: {
            defaultProps: { variant: 'outlined' },
        },
        MuiTableCell: {
            styleOverrides: {
                root: { padding: '6px 10px' },
                head: { fontWeight: 600, color: '#4a5560', backgroundColor: '#fafbfc', whiteSpace: 'nowrap' },
            },
        },
        MuiChip: {
            styleOverrides: { sizeSmall: { fontSize: 12, height: 22 } },
        },
        MuiTooltip: {
            styleOverrides: { tooltip: { fontSize: 12 } },
        },
    },
};
