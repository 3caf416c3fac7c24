import {
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Table,
    TableBody,
    TableCell,
    TableRow,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { KEY_ORDER, SHORTCUT_GROUPS, type Shortcut } from './registry';
import { useKeyLabel } from './KeyHint';
import { useShortcuts } from './useShortcut';

/** One line per key and action: a key registered twice (two "Rule" buttons) is listed once. */
function listed(shortcuts: readonly Shortcut[]): Shortcut[] {
    const seen = new Set<string>();
    const rank = (shortcut: Shortcut) => KEY_ORDER.indexOf(shortcut.key) >>> 0;
    return [...shortcuts]
        .sort((a, b) => rank(a) - rank(b))
        .filter((shortcut) => {
            const id = `${shortcut.key} ${shortcut.help?.label}`;
            if (!shortcut.help || seen.has(id)) return false;
            seen.add(id);
            return true;
        });
}

/** Every shortcut of the current screen, grouped (list, case page, everywhere). */
export const ShortcutsDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
    const translate = useTranslate();
    const keyLabel = useKeyLabel();
    const shortcuts = listed(useShortcuts());
    return (
        <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="shortcuts-title">
            <DialogTitle id="shortcuts-title">{translate('shortcuts.dialog.title')}</DialogTitle>
            <DialogContent data-testid="shortcuts-dialog">
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                    {translate('shortcuts.dialog.intro')}
                </Typography>
                {SHORTCUT_GROUPS.map((group) => {
                    const inGroup = shortcuts.filter((shortcut) => shortcut.help?.group === group);
                    if (inGroup.length === 0) return null;
                    return (
                        <Box
                            key={group}
                            component="section"
                            sx={{ mb: 2 }}
                            data-testid={`shortcuts-${group}`}
                        >
                            <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
                                {translate(`shortcuts.groups.${group}`)}
                            </Typography>
                            <Table size="small">
                                <TableBody>
                                    {inGroup.map((shortcut) => (
                                        <TableRow key={shortcut.id}>
                                            <TableCell sx={{ width: 72, border: 0, pl: 0 }}>
                                                <Box
                                                    component="kbd"
                                                    sx={{
                                                        px: 0.75,
                                                        py: 0.25,
                                                        border: 1,
                                                        borderColor: 'divider',
                                                        borderRadius: 0.5,
                                                        bgcolor: 'grey.100',
                                                        fontFamily: 'inherit',
                                                        fontWeight: 600,
                                                    }}
                                                >
                                                    {keyLabel(shortcut.key)}
                                                </Box>
                                            </TableCell>
                                            <TableCell sx={{ border: 0 }}>
                                                {translate(shortcut.help!.label)}
                                            </TableCell>
                                        </TableRow>
                                    ))}
                                </TableBody>
                            </Table>
                        </Box>
                    );
                })}
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('shortcuts.dialog.close')}</Button>
            </DialogActions>
        </Dialog>
    );
};
