#include "eventfilterproxymodel.h"

#include "eventindex.h"
#include "eventmodel.h"
#include "workerpool.h"

#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <numeric>

namespace dateline {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent) : QAbstractProxyModel(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        m_running = false;
        apply(m_watcher.result());
        startNext();
        if (!isBusy())
            emit busyChanged(false);
    });
}

EventFilterProxyModel::~EventFilterProxyModel() { m_watcher.waitForFinished(); }

void EventFilterProxyModel::setEventModel(EventModel *model)
{
    if (m_events)
        disconnect(m_events, nullptr, this, nullptr);
    beginResetModel();
    m_events = model;
    setSourceModel(model);
    clearRows();
    endResetModel();
    if (model) {
        // An EventModel only ever changes by a reset: a new corpus.
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            beginResetModel();
            clearRows();
        });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            endResetModel();
            m_queued = true;
            startNext();
        });
    }
    m_queued = true;
    startNext();
}

void EventFilterProxyModel::clearRows()
{
    m_rows.clear();
    m_accepted.clear();
    m_proxyRowOf.clear();
    m_order.rows.clear();
}

void EventFilterProxyModel::setFilter(const EventFilter &filter)
{
    m_requestedFilter = filter;
    m_queued = true;
    startNext();
}

void EventFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    m_requestedOrder = {column, order, {}};
    m_queued = true;
    startNext();
}

void EventFilterProxyModel::startNext()
{
    if (m_running || !m_queued)
        return;
    m_queued = false;
    Order order = m_requestedOrder;
    if (order.sameSort(m_order))
        order.rows = m_order.rows;  // sorted already: only the filter runs
    const std::shared_ptr<const EventIndex> index = m_events ? m_events->eventIndex() : nullptr;
    if (!index || index->size() < m_backgroundThreshold) {
        apply(compute(index, m_requestedFilter, std::move(order)));
        return;
    }
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    m_running = true;
    m_watcher.setFuture(promise->future());
    workerPool()->start([promise, index, filter = m_requestedFilter, order = std::move(order)] {
        promise->addResult(compute(index, filter, order));
        promise->finish();
    });
    emit busyChanged(true);
}

EventFilterProxyModel::Result EventFilterProxyModel::compute(const std::shared_ptr<const EventIndex> &index, const EventFilter &filter,
                                                             Order order)
{
    Result result{index, filter, std::move(order), {}, {}, {}};
    if (!index)
        return result;
    result.accepted = index->accepted(filter);
    result.rows = result.accepted;
    if (result.order.column >= 0) {
        if (result.order.rows.size() != index->size())
            result.order.rows = sortedRows(*index, result.order.column, result.order.direction);
        std::vector<bool> shown(size_t(index->size()), false);  // a bit each: it stays in cache
        for (const int row : std::as_const(result.accepted))
            shown[size_t(row)] = true;
        result.rows.clear();
        result.rows.reserve(result.accepted.size());
        for (const int row : std::as_const(result.order.rows))
            if (shown[size_t(row)])
                result.rows.append(row);
    }
    result.proxyRowOf.fill(-1, index->size());
    for (qsizetype row = 0; row < result.rows.size(); ++row)
        result.proxyRowOf[result.rows.at(row)] = int(row);
    return result;
}

QList<int> EventFilterProxyModel::sortedRows(const EventIndex &index, int column, Qt::SortOrder direction)
{
    const Corpus &corpus = index.corpus();
    QList<int> rows(index.size());
    std::iota(rows.begin(), rows.end(), 0);
    // Keys read once, then a stable sort: equal keys keep the model's order, as the table expects.
    const auto sortBy = [&](auto key) {
        std::vector<decltype(key(corpus.events.first()))> keys;
        keys.reserve(size_t(rows.size()));
        for (const Event &event : corpus.events)
            keys.push_back(key(event));
        if (direction == Qt::AscendingOrder)
            std::stable_sort(rows.begin(), rows.end(), [&keys](int a, int b) { return keys[size_t(a)] < keys[size_t(b)]; });
        else
            std::stable_sort(rows.begin(), rows.end(), [&keys](int a, int b) { return keys[size_t(b)] < keys[size_t(a)]; });
    };
    if (rows.isEmpty())
        return rows;
    switch (column) {
    case EventModel::DateColumn: sortBy([](const Event &event) { return event.date.sortKey(); }); break;
    case EventModel::PrecisionColumn: sortBy([](const Event &event) { return int(event.date.precision()); }); break;
    case EventModel::TypeColumn: sortBy([](const Event &event) { return int(event.type); }); break;
    case EventModel::ActorsColumn: sortBy([](const Event &event) { return EventModel::actorsText(event); }); break;
    case EventModel::ArticleColumn: sortBy([](const Event &event) { return event.article; }); break;
    case EventModel::ConfidenceColumn: sortBy([](const Event &event) { return event.confidence; }); break;
    case EventModel::SentenceColumn:
        sortBy([&corpus](const Event &event) { return corpus.articles.at(event.article).textOf(event.evidence); });
        break;
    default: break;
    }
    return rows;
}

void EventFilterProxyModel::apply(Result result)
{
    if (result.index != (m_events ? m_events->eventIndex() : nullptr))
        return;  // computed for a corpus that has been replaced since
    const bool filterChanged = !(result.filter == m_filter);

    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const int row = result.proxyRowOf.value(m_rows.value(index.row(), -1), -1);
        after.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    changePersistentIndexList(before, after);
    m_accepted = std::move(result.accepted);
    m_rows = std::move(result.rows);
    m_proxyRowOf = std::move(result.proxyRowOf);
    m_order = std::move(result.order);
    m_filter = std::move(result.filter);
    emit layoutChanged();
    if (filterChanged)
        emit this->filterChanged();
}

QModelIndex EventFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex EventFilterProxyModel::parent(const QModelIndex &) const { return {}; }

int EventFilterProxyModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int EventFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_events ? 0 : m_events->columnCount();
}

bool EventFilterProxyModel::hasChildren(const QModelIndex &parent) const { return rowCount(parent) > 0 && columnCount(parent) > 0; }

QModelIndex EventFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_events || proxyIndex.row() >= m_rows.size())
        return {};
    return m_events->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex EventFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return {};
    const int row = m_proxyRowOf.value(sourceIndex.row(), -1);
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

} // namespace dateline
