#pragma once

#include <QSortFilterProxyModel>

namespace dateline {

// Orders ActorListModel rows by count, most first, then by name, and keeps those whose name
// contains the search text, ignoring case and accents ("choigu" finds "Choïgu").
class ActorFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActorFilterProxyModel)

public:
    explicit ActorFilterProxyModel(QObject *parent = nullptr);
    ~ActorFilterProxyModel() override;

    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_needle;  // folded
};

} // namespace dateline
