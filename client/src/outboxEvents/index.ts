import OutboxIcon from '@mui/icons-material/OutboxOutlined';
import type { OutboxEvent } from './outboxTypes';
import { lazyView } from '../common/lazyView';

/** The deliveries screen (supervisors): outbox events, their attempts, replay. */
export default {
    list: lazyView(() => import('./OutboxEventList'), 'OutboxEventList'),
    show: lazyView(() => import('./OutboxEventShow'), 'OutboxEventShow'),
    icon: OutboxIcon,
    recordRepresentation: (record: OutboxEvent) => `${record.type} #${record.id}`,
};
