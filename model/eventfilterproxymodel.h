#pragma once

#include "eventfilter.h"

#include <QAbstractProxyModel>
#include <QFutureWatcher>
#include <QList>

#include <memory>

namespace dateline {

class EventIndex;
class EventModel;

// The events an EventFilter accepts, in the order of a column, over an EventModel. Every view of
// the events (table, timeline, charts) reads through one instance of it.
//
// It is a flat list of source rows rather than a QSortFilterProxyModel, which asks the model for a
// QVariant per row and comparison: here filtering runs on the model's EventIndex and sorting on
// keys read once, so a million events filter in milliseconds. Past backgroundThreshold() events the
// work runs on a worker thread and the current rows stay shown until the new ones are ready.
// Filtering and sorting keep selections: persistent indexes follow their rows, or become invalid
// when their row is filtered out.
class EventFilterProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventFilterProxyModel)

public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);
    ~EventFilterProxyModel() override;

    void setEventModel(EventModel *model);

    // The filter of the rows shown; one being applied in the background is not it yet.
    const EventFilter &filter() const { return m_filter; }
    void setFilter(const EventFilter &filter);

    // The shown events as indexes into Corpus::events (rows of the EventModel), in the shown order.
    const QList<int> &sourceRows() const { return m_rows; }
    // The same events in the model's order, which is faster to count over: it reads memory in order.
    const QList<int> &acceptedRows() const { return m_accepted; }
    // Whether a filter or a sort is being applied on a worker thread.
    bool isBusy() const { return m_running || m_queued; }

    int backgroundThreshold() const { return m_backgroundThreshold; }
    void setBackgroundThreshold(int events) { m_backgroundThreshold = events; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // The shown rows now follow filter().
    void filterChanged();
    void busyChanged(bool busy);

private:
    struct Order
    {
        int column = -1;  // -1: the model's own order
        Qt::SortOrder direction = Qt::AscendingOrder;
        QList<int> rows;  // every source row, in that order

        bool sameSort(const Order &other) const { return column == other.column && direction == other.direction; }
    };
    struct Result
    {
        std::shared_ptr<const EventIndex> index;  // what it was computed on
        EventFilter filter;
        Order order;
        QList<int> accepted;
        QList<int> rows;
        QList<int> proxyRowOf;
    };

    static Result compute(const std::shared_ptr<const EventIndex> &index, const EventFilter &filter, Order order);
    static QList<int> sortedRows(const EventIndex &index, int column, Qt::SortOrder direction);
    void startNext();
    void clearRows();  // the rows of a model that is gone; the sort and the filter stay
    void apply(Result result);
    void resetFromModel();

    EventModel *m_events = nullptr;
    EventFilter m_filter;
    Order m_order;
    QList<int> m_accepted;
    QList<int> m_rows;           // proxy row -> source row
    QList<int> m_proxyRowOf;     // source row -> proxy row, or -1
    int m_backgroundThreshold = 50'000;

    // One job at a time; a request made meanwhile waits, and only the last such request runs.
    QFutureWatcher<Result> m_watcher;
    bool m_running = false;  // until its result is applied, not just computed
    bool m_queued = false;
    EventFilter m_requestedFilter;  // the last filter and sort asked for, shown or not yet
    Order m_requestedOrder;
};

} // namespace dateline
