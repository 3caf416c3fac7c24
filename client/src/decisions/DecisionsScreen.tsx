import { useRouterProvider } from 'react-admin';
import { ApprovalQueue } from './ApprovalQueue';
import { DecisionList } from './DecisionList';

/** /decisions: every ruling; /decisions/approvals: the supervisors' approval queue. */
export const DecisionsScreen = () => {
    const { Routes, Route } = useRouterProvider();
    return (
        <Routes>
            <Route path="approvals" element={<ApprovalQueue />} />
            <Route path="*" element={<DecisionList />} />
        </Routes>
    );
};
