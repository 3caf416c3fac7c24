/** Панель супервайзера (`dashboard.*`) и выгрузка списков в CSV (`csv_export.*`). */
export const ruDashboard = {
    dashboard: {
        title: 'Панель показателей',
        menu: 'Панель показателей',
        period: {
            from: 'С',
            to: 'По',
            bucket: 'Шаг',
            day: 'День',
            week: 'Неделя',
            currency: 'Валюта',
            any_currency: 'Больше всего возвратов',
        },
        loading: 'Загрузка…',
        empty: 'За этот период ничего нет',
        failed: 'Не удалось загрузить график: %{message}',
        queue: {
            title: 'Размер и возраст очереди',
            size: 'Споров на рассмотрении',
            age: 'Средний возраст (дней)',
        },
        sla_breaches: {
            title: 'Нарушения SLA',
            target: 'Пропущен целевой срок рассмотрения',
            hard: 'Пропущен предельный срок',
        },
        outcomes: {
            title: 'Исходы по причинам',
        },
        refunds: {
            title: 'Возвраты средств (%{currency})',
            title_none: 'Возвраты средств',
            requested: 'Запрошено',
            paid: 'Выплачено',
            totals: '%{currency}: запрошено %{requested} (%{requestedCount}), выплачено %{paid} (%{paidCount})',
        },
        mediators: {
            title: 'Производительность медиаторов',
            rulings: 'Вынесено решений',
        },
        refunds_overdue: {
            title: 'Просроченные возвраты (%{currency})',
            title_none: 'Просроченные возвраты',
            overdue: 'Выявлено просроченных',
            open: 'Ещё не выплачено',
            totals: '%{currency}: не выплачено %{open} (%{openAmount})',
        },
    },
    csv_export: {
        label: 'Экспорт',
    },
};
