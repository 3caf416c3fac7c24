/**
 * Решения, ответы по принципу «четырёх глаз», возвраты средств и доставка вебхуков (задача 10):
 * те же ключи, что enRulings; ru.ts объединяет их с остальным каталогом.
 */
import { ruRulingForm } from './ruRulingForm';
import { ruRulingTemplates } from './ruRulingTemplates';

const decisions = {
    fields: {
        approvalComment: 'Комментарий при утверждении',
        returnTrackingNumber: 'Трек-номер возврата',
        returnCarrier: 'Перевозчик возврата',
        returnShippedAt: 'Товар отправлен обратно',
        orderTotal: 'Сумма заказа',
        reason: 'Причина',
        goodsReceived: 'Товар получен',
    },
    approvals: {
        menu: 'Очередь утверждения',
        title: 'Решения, ожидающие утверждения',
        waiting: 'Ожидает',
        empty: 'Нет решений, ожидающих утверждения.',
    },
    answer: {
        by: 'решение медиатора %{name}',
        with_return: 'товар возвращается, доставку оплачивает %{payer}',
        without_return: 'товар остаётся у покупателя',
        approve: 'Утвердить',
        approve_title: 'Утвердить решение №%{id}',
        approve_explanation:
            'Утверждение вводит решение в силу: обе стороны получат уведомление, возврат средств будет запрошен. Это движение денег.',
        approve_confirm: 'Утвердить и вынести',
        approved: 'Решение №%{id} утверждено и вынесено',
        reject: 'Отклонить',
        reject_title: 'Отклонить решение №%{id}',
        reject_explanation: 'Спор вернётся на рассмотрение; медиатор увидит ваш комментарий в хронологии.',
        reject_confirm: 'Отклонить',
        rejected: 'Решение №%{id} отклонено',
        overturn: 'Отменить',
        overturn_title: 'Отменить решение №%{id}',
        overturn_explanation:
            'Решение утрачивает силу: спор вернётся на рассмотрение (к своему медиатору или в очередь), обе стороны получат уведомление. Решение остаётся в истории.',
        overturn_confirm: 'Отменить решение',
        overturned: 'Решение №%{id} отменено',
        comment_optional: 'Комментарий (необязательно)',
        comment_required: 'Комментарий для медиатора',
        reason: 'Причина',
    },
};

const refunds = {
    fields: {
        overdue: 'Просрочен',
        overdueAt: 'Просрочен',
        reference: 'Идентификатор платежа',
    },
    overdue_since: 'Отмечен как просроченный %{when}',
};

const outboxEvents = {
    name: 'Доставка |||| Доставки |||| Доставки',
    title: 'Доставка вебхуков',
    fields: {
        id: 'Событие',
        type: 'Тип',
        disputeId: 'Спор',
        audience: 'Для кого',
        payload: 'Содержимое',
        status: 'Статус',
        attempts: 'Попытки',
        nextAttemptAt: 'Следующая попытка',
        lastError: 'Последняя ошибка',
        deliveredAt: 'Доставлено',
        createdAt: 'В очереди с',
    },
    both: 'Обе стороны',
    retrying: 'Повтор',
    notConfigured:
        'Доставка вебхуков не настроена (MARKETPLACE_WEBHOOK_URL не задан): события копятся здесь, маркетплейсу ничего не отправляется.',
    stalled:
        'Ничего не доставляется: самое старое ожидающее событие ждёт уже %{duration}. Проверьте, что маркетплейс отвечает, а сервер запускает обработчик доставки.',
    sections: { event: 'Событие', payload: 'Содержимое', attempts: 'Попытки доставки' },
    replay: {
        action: 'Повторить',
        title: 'Повторить %{type} №%{id}?',
        explanation:
            'Все %{attempts} попыток доставки не удались. Повтор снова ставит событие в очередь с тем же webhook-id (получатель распознает повтор) и записывается в журнал аудита.',
        confirm: 'Повторить',
        done: 'Событие №%{id} снова в очереди',
    },
};

const webhookDeliveries = {
    name: 'Попытка доставки |||| Попытки доставки |||| Попытки доставки',
    fields: {
        attempt: 'Попытка',
        attemptedAt: 'Когда',
        responseStatus: 'Ответ',
        durationMs: 'Длительность',
        responseBody: 'Ответ / ошибка',
        error: 'Ошибка',
    },
    no_answer: 'Нет ответа',
    empty: 'Попыток пока не было.',
};

export const ruRulings = {
    enums: {
        outboxStatus: { pending: 'Ожидает', delivered: 'Доставлено', dead: 'Не доставлено (отложено)' },
    },
    resources: {
        disputes: { ruling: { ...ruRulingForm, templates: ruRulingTemplates } },
        decisions,
        refunds,
        'outbox-events': outboxEvents,
        'webhook-deliveries': webhookDeliveries,
    },
};
