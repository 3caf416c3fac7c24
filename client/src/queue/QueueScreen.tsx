import { useRouterProvider } from 'react-admin';
import { MyCasesList } from './MyCasesList';
import { QueueList } from './QueueList';

/** /queue: the escalation queue; /queue/mine: the signed-in staff member's cases. */
export const QueueScreen = () => {
    const { Routes, Route } = useRouterProvider();
    return (
        <Routes>
            <Route path="mine" element={<MyCasesList />} />
            <Route path="*" element={<QueueList />} />
        </Routes>
    );
};
