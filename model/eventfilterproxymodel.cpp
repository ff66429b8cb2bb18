#include "eventfilterproxymodel.h"

#include "eventmodel.h"

namespace dateline {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(EventModel::SortRole);
    setDynamicSortFilter(true);
}

void EventFilterProxyModel::setEventModel(EventModel *model)
{
    m_events = model;
    setSourceModel(model);
}

void EventFilterProxyModel::setFilter(const EventFilter &filter)
{
    m_filter = filter;
    invalidateFilter();
    emit filterChanged();
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_events || !m_events->corpus())
        return false;
    const Corpus &corpus = *m_events->corpus();
    const Event &event = corpus.events.at(sourceRow);
    return m_filter.accepts(event, corpus.articles.at(event.article));
}

} // namespace dateline
