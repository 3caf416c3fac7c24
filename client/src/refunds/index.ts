import RefundIcon from '@mui/icons-material/CurrencyExchange';
import type { Refund } from '../types';
import { RefundList } from './RefundList';
import { RefundShow } from './RefundShow';

export default {
    list: RefundList,
    show: RefundShow,
    icon: RefundIcon,
    recordRepresentation: (record: Refund) => `#${record.id}`,
};
