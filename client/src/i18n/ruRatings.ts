/** Рейтинги покупателей и продавцов (задача 11), объединяются в `resources`. */
export const ruRatings = {
    buyers: {
        fields: {
            disputes90dCount: 'Споры (90 дней)',
            disputesCount: 'Споры (всего)',
            disputeRatePermille: 'Доля споров',
            disputesWonCount: 'Выиграно',
            disputesPartialCount: 'Частично',
            disputesLostCount: 'Проиграно',
            escalationsCount: 'Эскалации',
            penaltyCount: 'Не закрыты после удовлетворения',
            score: 'Балл',
            score_parts: 'Из чего складывается балл',
            rating: 'Рейтинг на маркетплейсе',
            blockedAt: 'Заблокирован',
            blockedById: 'Кем заблокирован',
        },
        score_parts: {
            start: '100 на старте',
            disputeRate: 'за долю споров',
            disputesLost: 'за проигранные споры',
            disputesPartial: 'за частичные исходы',
            keptOpen: 'за споры, не закрытые после удовлетворения',
            recentDisputes: 'за несколько споров за 90 дней',
            escalations: 'за эскалации',
        },
        block: {
            block: 'Заблокировать',
            unblock: 'Разблокировать',
            block_title: 'Заблокировать покупателя %{name}?',
            unblock_title: 'Разблокировать покупателя %{name}?',
            block_explanation:
                'Заблокированный покупатель не может открывать и повторно открывать споры: маркетплейс получит отказ (422). Уже открытые споры продолжаются как есть.',
            unblock_explanation: 'Покупатель снова сможет открывать споры.',
            reason: 'Причина (сохраняется в журнале аудита)',
        },
        notifications: {
            blocked: 'Покупатель %{name} заблокирован',
            unblocked: 'Покупатель %{name} разблокирован',
        },
    },
    sellers: {
        fields: {
            disputesCount: 'Споры',
            disputeRatePermille: 'Доля споров',
            disputesLostCount: 'Проиграно',
            disputesPartialCount: 'Частично',
            disputesWonCount: 'Выиграно',
            sellerTimeoutCount: 'Нет ответа продавца',
            offersAcceptedCount: 'Принятые предложения',
            score: 'Балл',
            score_parts: 'Из чего складывается балл',
        },
        score_parts: {
            start: '100 на старте',
            disputeRate: 'за долю споров',
            disputesLost: 'за проигранные споры',
            disputesPartial: 'за частичные исходы',
            sellerTimeouts: 'за отсутствие ответа в срок',
            offersAccepted: 'за предложения, принятые покупателем',
        },
    },
};
