#include "articlemodel.h"

#include "eventmodel.h"

namespace dateline {

ArticleModel::ArticleModel(QObject *parent) : QAbstractTableModel(parent) {}

ArticleModel::~ArticleModel() = default;

void ArticleModel::setCorpus(std::shared_ptr<const Corpus> corpus)
{
    beginResetModel();
    m_corpus = std::move(corpus);
    m_eventCounts.fill(0, m_corpus ? m_corpus->articles.size() : 0);
    if (m_corpus) {
        for (const Event &event : m_corpus->events)
            ++m_eventCounts[event.article];
    }
    endResetModel();
}

int ArticleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_corpus ? 0 : int(m_corpus->articles.size());
}

int ArticleModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ArticleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_corpus)
        return {};
    const Article &article = m_corpus->articles.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FileColumn: return article.fileName;
        case TitleColumn: return article.title;
        case PublishedColumn:
            if (!article.published.isValid() && article.publishedAfter.isValid())
                return tr("after %1").arg(EventModel::dateText(article.publishedAfter));
            return EventModel::dateText(article.published);
        case SourceColumn: return publicationSourceName(article.publishedSource);
        case EventsColumn: return m_eventCounts.at(index.row());
        case ProblemsColumn: return article.problems.join(u"; ");
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PublishedColumn && !article.publishedEvidence.isEmpty())
            return tr("From: %1").arg(article.publishedEvidence);
        return index.column() == TitleColumn || index.column() == ProblemsColumn ? index.data(Qt::DisplayRole) : QVariant();
    case PublishedRole: return article.published.firstQDate();
    case PrecisionRole: return int(article.published.precision());
    case PublishedAfterRole: return article.publishedAfter.firstQDate();
    case SourceRole: return int(article.publishedSource);
    case EventCountRole: return m_eventCounts.at(index.row());
    case ProblemsRole: return article.problems;
    case FilePathRole: return article.filePath;
    case SortRole:
        switch (index.column()) {
        case PublishedColumn:
            return article.published.sortKey();
        case EventsColumn: return m_eventCounts.at(index.row());
        case ProblemsColumn: return int(article.problems.size());
        default: return index.data(Qt::DisplayRole);
        }
    }
    return {};
}

QVariant ArticleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn: return tr("File");
    case TitleColumn: return tr("Title");
    case PublishedColumn: return tr("Published");
    case SourceColumn: return tr("Date from");
    case EventsColumn: return tr("Events");
    case ProblemsColumn: return tr("Problems");
    }
    return {};
}

} // namespace dateline
