/** Аудит решений, выборочная проверка качества и качество работы медиаторов (задача 11). */
export const ruSupervision = {
    supervision: {
        menu: 'Контроль',
        qa: {
            sample: {
                button: 'Случайная выборка',
                title: 'Случайная выборка для проверки качества',
                explanation:
                    'Решения, вынесенные за период, выбираются случайно для вашей проверки: никогда не повторно и никогда не ваши собственные.',
                from: 'Вынесены с',
                to: 'Вынесены по',
                size: 'Сколько решений',
                draw: 'Выбрать',
                drawn: '%{smart_count} решение на проверку |||| %{smart_count} решения на проверку |||| %{smart_count} решений на проверку',
            },
            verdicts: { agree: 'Согласен', disagree: 'Не согласен' },
            verdict: {
                answer: 'Ответить',
                title: 'Ваша оценка решения №%{id}',
                summary: 'Решение медиатора %{mediator}: возврат %{percent} % суммы заказа.',
                open_decision: 'Открыть решение',
                open_dispute: 'спор №%{id}',
                comment: 'Комментарий',
                comment_help: 'Обязателен при несогласии: каким должно было быть решение и почему?',
                record: 'Сохранить оценку',
                recorded: 'Оценка сохранена',
            },
        },
        quality: {
            title: 'Качество работы медиаторов',
            from: 'С',
            to: 'По',
            thresholds:
                'Отклонения: разница в возвратах от %{refundGapPoints} п. п., доля отмен в %{overturnFactor} раза выше, чем у коллег, или больше, согласие при проверке ниже %{minAgreementPercent} %',
            empty: 'За этот период решений не выносилось.',
            peers: '(коллеги: %{value} %)',
            columns: {
                mediatorName: 'Медиатор',
                casesDecided: 'Решено дел',
                medianHoursToDecision: 'Медианное время до решения',
                slaBreaches: 'Нарушения SLA',
                refundGapPoints: 'Возвраты относительно коллег (п. п.)',
                overturnPercent: 'Доля отмен',
                qaAgreementPercent: 'Согласие при проверке',
                outliers: 'Отклонения',
            },
            outliers: {
                refund_gap: 'Разница в возвратах',
                overturn_rate: 'Отмены',
                qa_agreement: 'Согласие при проверке',
            },
            outlier_why: {
                refund_gap:
                    'Возвраты отличаются от медианы коллег по тем же причинам на %{value} п. п. (порог ±%{threshold})',
                overturn_rate: 'Доля отмен %{value} %, не менее %{threshold} % (вдвое выше, чем у коллег)',
                qa_agreement: 'Согласие при проверке %{value} %, ниже %{threshold} %',
            },
        },
    },
    resources: {
        'qa-reviews': {
            name: 'Проверка качества |||| Проверки качества |||| Проверки качества',
            fields: {
                id: 'Проверка',
                decisionId: 'Решение',
                disputeId: 'Спор',
                reviewerId: 'Проверяющий',
                reviewerName: 'Проверяющий',
                sampleId: 'Выборка',
                verdict: 'Оценка',
                comment: 'Комментарий',
                answered: 'Есть ответ',
                answeredAt: 'Ответ дан',
                createdAt: 'Выбрано',
                mediatorId: 'Медиатор',
                mediatorName: 'Медиатор',
                outcome: 'Исход',
                reason: 'Причина',
                refundAmount: 'Возврат',
                refundPercent: 'Возврат, %',
                currency: 'Валюта',
                decisionStatus: 'Статус решения',
                issuedAt: 'Вынесено',
            },
        },
        'mediator-quality': { name: 'Качество работы медиаторов' },
        decisions: {
            fields: {
                reason: 'Причина',
                orderTotal: 'Сумма заказа',
                refundPercent: 'Возврат, %',
                hoursToDecision: 'Часов до решения',
                slaBreached: 'Решение после целевого срока',
            },
        },
    },
};
