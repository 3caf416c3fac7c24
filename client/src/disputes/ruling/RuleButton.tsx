import { useState } from 'react';
import { Button, type ButtonProps } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import { useRecordContext, useTranslate } from 'react-admin';
import { KeyHint } from '../../shortcuts/KeyHint';
import { useShortcut } from '../../shortcuts/useShortcut';
import type { Dispute } from '../../types';
import { RulingDialog } from './RulingDialog';
import { useMayRule } from './useRulingPermissions';

/** "Rule": opens the ruling form on the dispute in context (assigned mediator or supervisor, in review). */
export const RuleButton = ({
    variant = 'contained',
    testId = 'rule-open',
}: {
    variant?: ButtonProps['variant'];
    testId?: string;
}) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const mayRule = useMayRule(record);
    const [open, setOpen] = useState(false);
    useShortcut('r', () => setOpen(true), !!record && mayRule, 'shortcuts.actions.rule');
    // An open form stays while the page reloads under it (its refusal must stay readable).
    if (!record || (!mayRule && !open)) return null;
    return (
        <>
            {mayRule && (
                <Button
                    size="small"
                    variant={variant}
                    startIcon={<GavelIcon />}
                    onClick={() => setOpen(true)}
                    data-testid={testId}
                    aria-keyshortcuts="R"
                >
                    {translate('resources.disputes.ruling.action')}
                    <KeyHint shortcut="r" />
                </Button>
            )}
            {open && <RulingDialog dispute={record} onClose={() => setOpen(false)} />}
        </>
    );
};
