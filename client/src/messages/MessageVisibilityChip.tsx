import { Chip } from '@mui/material';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import PeopleOutlineIcon from '@mui/icons-material/PeopleOutline';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import { useTranslate } from 'react-admin';
import type { MessageVisibility } from '../../../shared/domain';

const ICON = {
    both: <PeopleOutlineIcon />,
    buyer: <PersonOutlineIcon />,
    seller: <PersonOutlineIcon />,
    internal: <LockOutlinedIcon />,
};

const COLOR = { both: 'default', buyer: 'primary', seller: 'success', internal: 'warning' } as const;

/** Who can read a message: both parties, one of them, or staff only (an internal note). */
export const MessageVisibilityChip = ({ visibility }: { visibility: MessageVisibility }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            variant={visibility === 'internal' ? 'filled' : 'outlined'}
            color={COLOR[visibility] ?? 'default'}
            icon={ICON[visibility]}
            label={translate(`enums.visibility.${visibility}`)}
            data-visibility={visibility}
        />
    );
};
