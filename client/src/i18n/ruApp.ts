/** Оболочка и общие элементы интерфейса, под `app.*` (те же ключи, что enApp). */
import { ruAuth } from './ruAuth';

export const ruApp = {
    name: 'Dispute Desk',
    auth: ruAuth,
    menu: {
        cases: 'Споры',
        parties: 'Заказы и стороны',
        administration: 'Администрирование',
    },
    date: {
        utc: 'UTC',
        local: 'Местное',
    },
    sla: {
        left: 'Осталось %{time}',
        overdue: 'Просрочено на %{time}',
        paused: 'Пауза, осталось %{time}',
        paused_overdue: 'Пауза, просрочено',
        due_at: 'Срок рассмотрения',
        state: {
            on_track: 'В срок',
            due_soon: 'Срок скоро истекает',
            breached: 'Срок нарушен',
            paused: 'Пауза: сторона должна предоставить доказательства',
            none: 'SLA не отсчитывается',
        },
    },
    filters: {
        from: '%{field}: от',
        to: '%{field}: до',
        amount_needs_currency: 'Сначала выберите валюту',
    },
    json: {
        empty: 'Ничего не записано',
    },
    language: {
        menu: 'Язык',
        written_in: 'Язык сообщения: %{language}',
        save_failed: 'Не удалось сохранить выбор языка: %{message}',
    },
};
