#include "eventmodel.h"

#include "eventindex.h"

#include <QLocale>

namespace dateline {

EventModel::EventModel(QObject *parent) : QAbstractTableModel(parent) {}

EventModel::~EventModel() = default;

void EventModel::setCorpus(std::shared_ptr<const Corpus> corpus)
{
    setEventIndex(corpus ? std::make_shared<const EventIndex>(std::move(corpus)) : nullptr);
}

void EventModel::setEventIndex(std::shared_ptr<const EventIndex> index)
{
    beginResetModel();
    m_index = std::move(index);
    endResetModel();
}

const Corpus *EventModel::corpus() const { return m_index ? &m_index->corpus() : nullptr; }

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_index ? 0 : int(m_index->size());
}

QString EventModel::actorsText(const Event &event) { return event.actors.join(u", "); }

int EventModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString EventModel::dateText(const DateValue &date)
{
    const QLocale locale;
    switch (date.precision()) {
    case Precision::Day: return locale.toString(date.firstQDate(), QLocale::ShortFormat);
    case Precision::Month: return locale.standaloneMonthName(date.month()) + u' ' + QString::number(date.year());
    case Precision::Year: return QString::number(date.year());
    case Precision::None: break;
    }
    return tr("Undated");
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_index)
        return {};
    const Corpus &corpus = m_index->corpus();
    const Event &event = corpus.events.at(index.row());
    const Article &article = corpus.articles.at(event.article);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn: return dateText(event.date);
        case PrecisionColumn: return precisionName(event.date.precision());
        case TypeColumn: return eventTypeName(event.type);
        case ActorsColumn: return actorsText(event);
        case ArticleColumn: return article.title.isEmpty() ? article.fileName : article.title;
        case ConfidenceColumn: return QString::number(event.confidence, 'f', 2);
        case SentenceColumn: return article.textOf(event.evidence).toString();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ArticleColumn)
            return article.fileName;
        if (index.column() == SentenceColumn || index.column() == ActorsColumn)
            return index.data(Qt::DisplayRole);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == ConfidenceColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case DateRole: return event.date.firstQDate();
    case LastDateRole: return event.date.lastQDate();
    case PrecisionRole: return int(event.date.precision());
    case TypeRole: return int(event.type);
    case ActorsRole: return event.actors;
    case ArticleRole: return event.article;
    case ConfidenceRole: return double(event.confidence);
    case SentenceRole: return article.textOf(event.evidence).toString();
    case EvidenceStartRole: return event.evidence.start;
    case EvidenceEndRole: return event.evidence.end;
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            // Chronological, coarser first on the same first day; undated events sort first.
            return event.date.sortKey();
        case PrecisionColumn: return int(event.date.precision());
        case TypeColumn: return int(event.type);
        case ConfidenceColumn: return double(event.confidence);
        case ArticleColumn: return event.article;
        default: return index.data(Qt::DisplayRole);
        }
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn: return tr("Date");
    case PrecisionColumn: return tr("Precision");
    case TypeColumn: return tr("Type");
    case ActorsColumn: return tr("Actors");
    case ArticleColumn: return tr("Article");
    case ConfidenceColumn: return tr("Confidence");
    case SentenceColumn: return tr("Sentence");
    }
    return {};
}

QHash<int, QByteArray> EventModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{DateRole, "date"}, {LastDateRole, "lastDate"}, {PrecisionRole, "precision"}, {TypeRole, "type"},
                  {ActorsRole, "actors"}, {ArticleRole, "article"}, {ConfidenceRole, "confidence"},
                  {SentenceRole, "sentence"}, {EvidenceStartRole, "evidenceStart"}, {EvidenceEndRole, "evidenceEnd"},
                  {SortRole, "sortValue"}});
    return names;
}

} // namespace dateline
