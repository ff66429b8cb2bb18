#pragma once

#include <QAbstractListModel>
#include <QSet>
#include <QStringList>

namespace dateline {

// The actors of the filter dock: one checkable row each, with the number of events it would show.
class ActorListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActorListModel)

public:
    // Unscoped on purpose: these values extend Qt::UserRole in the int-based model/view API.
    enum ActorRole {
        NameRole = Qt::UserRole,  // QString: canonical name
        CountRole,                // int: events passing the other criteria
        UnlistedRole,             // bool: not in the gazetteer
    };
    Q_ENUM(ActorRole)

    struct Actor
    {
        QString name;
        bool unlisted = false;
    };

    explicit ActorListModel(QObject *parent = nullptr);
    ~ActorListModel() override;

    // Replaces the rows, all checked, with zero counts.
    void setActors(const QList<Actor> &actors);
    // Counts by row, as many as rows.
    void setCounts(const QList<int> &counts);

    QSet<QString> checkedNames() const;
    int checkedCount() const { return m_checkedCount; }
    // These check states change without checkStateEdited(): their caller knows what it did.
    void setAllChecked(bool checked);
    void setCheckedNames(const QSet<QString> &names);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // A check box was toggled through setData(), as views do when the user clicks it.
    void checkStateEdited();

private:
    struct Row
    {
        Actor actor;
        int count = 0;
        bool checked = true;
    };

    bool isRow(const QModelIndex &index) const;
    void emitAllChanged(const QList<int> &roles);

    QList<Row> m_rows;
    int m_checkedCount = 0;
};

} // namespace dateline
