#include "actorfilterproxymodel.h"

#include "actorlistmodel.h"
#include "textfolding.h"

namespace dateline {

ActorFilterProxyModel::ActorFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0);
}

ActorFilterProxyModel::~ActorFilterProxyModel() = default;

void ActorFilterProxyModel::setSearchText(const QString &text)
{
    const QString needle = foldForMatching(text.trimmed());
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateFilter();
}

bool ActorFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    const QString name = sourceModel()->index(sourceRow, 0, sourceParent).data(ActorListModel::NameRole).toString();
    return foldForMatching(name).contains(m_needle);
}

bool ActorFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int leftCount = left.data(ActorListModel::CountRole).toInt();
    const int rightCount = right.data(ActorListModel::CountRole).toInt();
    if (leftCount != rightCount)
        return leftCount > rightCount;
    return QString::localeAwareCompare(left.data(ActorListModel::NameRole).toString(),
                                       right.data(ActorListModel::NameRole).toString()) < 0;
}

} // namespace dateline
