import { useEffect, useRef, useState } from 'react';
import { Box, IconButton, Tooltip } from '@mui/material';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import { useCanAccess, useCreatePath, useListContext, useNavigate, useTranslate } from 'react-admin';
import { useShortcut } from './useShortcut';

const T = 'shortcuts.actions';

/** The table rows of the list around `anchor`, top to bottom. */
function rowsNear(anchor: Element | null): HTMLTableRowElement[] {
    const list = anchor?.closest('.RaList-main');
    return Array.from(list?.querySelectorAll<HTMLTableRowElement>('.RaDataTable-tbody > tr') ?? []);
}

/**
 * J/K move a selection through the rows of the list in context (highlighted, `aria-selected`,
 * scrolled into view), Enter opens the selected dispute, and with `pickUp`, P presses its "Pick up"
 * button (the same confirmation). Also two buttons (previous / next), for the toolbar of the list.
 */
export const RowKeyboard = ({ pickUp = false }: { pickUp?: boolean }) => {
    const translate = useTranslate();
    const navigate = useNavigate();
    const createPath = useCreatePath();
    const { data } = useListContext();
    const { canAccess: mayPickUp } = useCanAccess({ resource: 'disputes', action: 'pickup' });
    const anchor = useRef<HTMLSpanElement>(null);
    const [selected, setSelected] = useState(-1);
    const count = data?.length ?? 0;
    const index = Math.min(selected, count - 1);

    useEffect(() => {
        const rows = rowsNear(anchor.current);
        rows.forEach((row, i) => {
            if (index < 0) row.removeAttribute('aria-selected');
            else row.setAttribute('aria-selected', String(i === index));
        });
    }, [index, data]);
    useEffect(() => {
        rowsNear(anchor.current)[index]?.scrollIntoView?.({ block: 'nearest' });
    }, [index]);

    const move = (step: number) => {
        if (count > 0) setSelected(Math.max(0, Math.min(count - 1, index + step)));
    };
    const open = () => {
        const record = index >= 0 ? data?.[index] : undefined;
        if (record) navigate(createPath({ resource: 'disputes', id: record.id, type: 'show' }));
    };
    const pressPickUp = () =>
        rowsNear(anchor.current)[index]?.querySelector<HTMLElement>('[data-testid="pick-up"]')?.click();

    useShortcut('j', () => move(1), count > 0, `${T}.next_row`, 'list');
    useShortcut('k', () => move(-1), count > 0, `${T}.previous_row`, 'list');
    useShortcut('enter', open, count > 0, `${T}.open`, 'list');
    useShortcut('p', pressPickUp, pickUp && !!mayPickUp && count > 0, `${T}.pick_up`, 'list');

    const previous = translate(`${T}.previous_row_button`);
    const next = translate(`${T}.next_row_button`);
    return (
        <Box component="span" ref={anchor} sx={{ display: 'inline-flex' }}>
            <Tooltip title={previous}>
                <span>
                    <IconButton
                        size="small"
                        aria-label={previous}
                        aria-keyshortcuts="K"
                        disabled={count === 0 || index <= 0}
                        onClick={() => move(-1)}
                        data-testid="row-previous"
                    >
                        <KeyboardArrowUpIcon fontSize="small" />
                    </IconButton>
                </span>
            </Tooltip>
            <Tooltip title={next}>
                <span>
                    <IconButton
                        size="small"
                        aria-label={next}
                        aria-keyshortcuts="J"
                        disabled={count === 0 || index >= count - 1}
                        onClick={() => move(1)}
                        data-testid="row-next"
                    >
                        <KeyboardArrowDownIcon fontSize="small" />
                    </IconButton>
                </span>
            </Tooltip>
        </Box>
    );
};
