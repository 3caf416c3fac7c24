import RefundIcon from '@mui/icons-material/CurrencyExchange';
import type { Refund } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./RefundList'), 'RefundList'),
    show: lazyView(() => import('./RefundShow'), 'RefundShow'),
    icon: RefundIcon,
    recordRepresentation: (record: Refund) => `#${record.id}`,
};
