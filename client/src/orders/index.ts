import OrderIcon from '@mui/icons-material/ReceiptLongOutlined';
import type { Order } from '../types';
import { lazyView } from '../common/lazyView';

export default {
    list: lazyView(() => import('./OrderList'), 'OrderList'),
    show: lazyView(() => import('./OrderShow'), 'OrderShow'),
    icon: OrderIcon,
    recordRepresentation: (record: Order) => `${record.externalId} · ${record.productTitle}`,
};
