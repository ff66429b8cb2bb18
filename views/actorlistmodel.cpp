#include "actorlistmodel.h"

#include <QFont>
#include <QTextDocument>

namespace dateline {

ActorListModel::ActorListModel(QObject *parent) : QAbstractListModel(parent) {}

ActorListModel::~ActorListModel() = default;

void ActorListModel::setActors(const QList<Actor> &actors)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(actors.size());
    for (const Actor &actor : actors)
        m_rows.append({actor, 0, true});
    m_checkedCount = int(m_rows.size());
    endResetModel();
}

void ActorListModel::setCounts(const QList<int> &counts)
{
    Q_ASSERT(counts.size() == m_rows.size());
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).count == counts.at(row))
            continue;
        m_rows[row].count = counts.at(row);
        if (first < 0)
            first = row;
        last = row;
    }
    if (first >= 0)
        emit dataChanged(index(first), index(last), {Qt::DisplayRole, Qt::ToolTipRole, CountRole});
}

QSet<QString> ActorListModel::checkedNames() const
{
    QSet<QString> names;
    names.reserve(m_checkedCount);
    for (const Row &row : m_rows)
        if (row.checked)
            names.insert(row.actor.name);
    return names;
}

void ActorListModel::setAllChecked(bool checked)
{
    for (Row &row : m_rows)
        row.checked = checked;
    m_checkedCount = checked ? int(m_rows.size()) : 0;
    emitAllChanged({Qt::CheckStateRole});
}

void ActorListModel::setCheckedNames(const QSet<QString> &names)
{
    m_checkedCount = 0;
    for (Row &row : m_rows) {
        row.checked = names.contains(row.actor.name);
        m_checkedCount += row.checked;
    }
    emitAllChanged({Qt::CheckStateRole});
}

bool ActorListModel::isRow(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.row() < m_rows.size();
}

void ActorListModel::emitAllChanged(const QList<int> &roles)
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), roles);
}

int ActorListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ActorListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1  (%2)").arg(row.actor.name, QString::number(row.count));
    case Qt::ToolTipRole: {
        // Tool tips guess at rich text; a name read from an article must not be taken for markup.
        const QString tip = row.actor.unlisted ? tr("%1: %Ln event(s) with the other filters; not in the gazetteer", nullptr, row.count)
                                               : tr("%1: %Ln event(s) with the other filters", nullptr, row.count);
        return Qt::convertFromPlainText(tip.arg(row.actor.name), Qt::WhiteSpaceNormal);
    }
    case Qt::CheckStateRole:
        return row.checked ? Qt::Checked : Qt::Unchecked;
    case Qt::FontRole:
        if (row.actor.unlisted) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case NameRole:
        return row.actor.name;
    case CountRole:
        return row.count;
    case UnlistedRole:
        return row.actor.unlisted;
    default:
        return {};
    }
}

bool ActorListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !isRow(index))
        return false;
    Row &row = m_rows[index.row()];
    const bool checked = value.toInt() == Qt::Checked;
    if (row.checked == checked)
        return true;
    row.checked = checked;
    m_checkedCount += checked ? 1 : -1;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkStateEdited();
    return true;
}

Qt::ItemFlags ActorListModel::flags(const QModelIndex &index) const
{
    if (!isRow(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ActorListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(CountRole, "count");
    names.insert(UnlistedRole, "unlisted");
    return names;
}

} // namespace dateline
