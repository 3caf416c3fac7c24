import { Admin, Resource } from 'react-admin';
import attachments from './attachments';
import auditEvents from './auditEvents';
import { authProvider } from './authProvider';
import buyers from './buyers';
import { dataProvider } from './dataProvider';
import decisions from './decisions';
import disputes from './disputes';
import evidenceRequests from './evidenceRequests';
import { i18nProvider } from './i18n/i18nProvider';
import { Landing } from './layout/Landing';
import { Layout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import orders from './orders';
import outboxEvents from './outboxEvents';
import queue from './queue';
import refunds from './refunds';
import sellers from './sellers';
import staff from './staff';
import { mediatorQuality, qaReviews } from './supervision';
import { theme } from './theme';

export const App = () => (
    <Admin
        title="Dispute Desk"
        dataProvider={dataProvider}
        authProvider={authProvider}
        loginPage={LoginPage}
        dashboard={Landing}
        requireAuth
        i18nProvider={i18nProvider}
        theme={theme}
        layout={Layout}
        disableTelemetry
    >
        <Resource name="queue" {...queue} />
        <Resource name="disputes" {...disputes} />
        <Resource name="evidence-requests" {...evidenceRequests} />
        <Resource name="attachments" {...attachments} />
        <Resource name="decisions" {...decisions} />
        <Resource name="refunds" {...refunds} />
        <Resource name="qa-reviews" {...qaReviews} />
        <Resource name="mediator-quality" {...mediatorQuality} />
        <Resource name="orders" {...orders} />
        <Resource name="buyers" {...buyers} />
        <Resource name="sellers" {...sellers} />
        <Resource name="staff" {...staff} />
        <Resource name="staff-directory" />
        <Resource name="audit-events" {...auditEvents} />
        <Resource name="outbox-events" {...outboxEvents} />
        <Resource name="webhook-deliveries" />
        {/* Read through references and the dispute timeline only. */}
        <Resource name="messages" />
        <Resource name="offers" />
        <Resource name="dispute-events" />
    </Admin>
);
