#pragma once

#include "eventfilter.h"

#include <QSortFilterProxyModel>

namespace dateline {

class EventModel;

// Sorts events on EventModel::SortRole and keeps those an EventFilter accepts.
// Every view of the events (table, timeline, charts) reads through one instance of it.
class EventFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventFilterProxyModel)

public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    void setEventModel(EventModel *model);
    const EventFilter &filter() const { return m_filter; }
    void setFilter(const EventFilter &filter);

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    EventModel *m_events = nullptr;
    EventFilter m_filter;
};

} // namespace dateline
