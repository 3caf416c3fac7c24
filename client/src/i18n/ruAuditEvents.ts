/** Журнал аудита, под `resources.audit-events.*`. */
export const ruAuditEvents = {
    name: 'Событие аудита |||| Журнал аудита |||| Журнал аудита',
    fields: {
        id: 'Событие',
        occurredAt: 'Когда',
        actorId: 'Исполнитель',
        actorRole: 'Роль исполнителя',
        action: 'Действие',
        entity: 'Объект',
        entityId: 'ID объекта',
        before: 'До',
        after: 'После',
        requestId: 'ID запроса',
        ip: 'IP-адрес',
        outcome: 'Результат',
        prevHash: 'Предыдущий хеш',
        hash: 'Хеш',
        occurredAt_gte: 'С',
        occurredAt_lte: 'По',
    },
    sections: {
        event: 'Событие',
        change: 'Изменение',
        chain: 'Цепочка хешей',
    },
    verify: {
        button: 'Проверить цепочку',
        title: 'Проверка цепочки аудита',
        running: 'Проходим по цепочке хешей…',
        ok: 'Цепочка цела: проверено %{smart_count} событие |||| Цепочка цела: проверено %{smart_count} события |||| Цепочка цела: проверено %{smart_count} событий',
        broken: 'Цепочка нарушена на событии №%{id}: %{reason}.',
        checked:
            'До разрыва проверено %{smart_count} событие |||| До разрыва проверено %{smart_count} события |||| До разрыва проверено %{smart_count} событий',
        open_event: 'Открыть событие №%{id}',
        close: 'Закрыть',
    },
};
