import DecisionIcon from '@mui/icons-material/Gavel';
import type { Decision } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./DecisionsScreen'), 'DecisionsScreen'),
    show: lazyView(() => import('./DecisionShow'), 'DecisionShow'),
    icon: DecisionIcon,
    recordRepresentation: (record: Decision) => `#${record.id}`,
};
