import DecisionIcon from '@mui/icons-material/Gavel';
import type { Decision } from '../types';
import { DecisionShow } from './DecisionShow';
import { DecisionsScreen } from './DecisionsScreen';

export default {
    list: DecisionsScreen,
    show: DecisionShow,
    icon: DecisionIcon,
    recordRepresentation: (record: Decision) => `#${record.id}`,
};
