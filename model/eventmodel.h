#pragma once

#include "corpus.h"

#include <QAbstractTableModel>

#include <memory>

namespace dateline {

class EventIndex;

// The events of a corpus, one row each. Views sort and filter on the raw-value roles,
// never on display strings: "mai 2024" sorts by its date, not its letters.
class EventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventModel)

public:
    enum Column { DateColumn, PrecisionColumn, TypeColumn, ActorsColumn, ArticleColumn, ConfidenceColumn, SentenceColumn, ColumnCount };
    Q_ENUM(Column)

    // Unscoped on purpose: these values extend Qt::UserRole in the int-based model/view API.
    enum EventRole {
        DateRole = Qt::UserRole,  // QDate: first day the event may fall on (invalid when undated)
        LastDateRole,             // QDate: last day it may fall on
        PrecisionRole,            // int(Precision)
        TypeRole,                 // int(EventType)
        ActorsRole,               // QStringList of canonical names
        ArticleRole,              // int: row of the article in ArticleModel
        ConfidenceRole,           // double in [0, 1]
        SentenceRole,             // QString: the evidence sentence
        EvidenceStartRole,        // qsizetype: UTF-16 offset of the sentence in the article text
        EvidenceEndRole,
        SortRole,                 // a value ordering the column: dates chronologically, undated first
    };
    Q_ENUM(EventRole)

    explicit EventModel(QObject *parent = nullptr);
    ~EventModel() override;

    // Indexes the corpus here; a large one is better indexed on a worker thread and given whole.
    void setCorpus(std::shared_ptr<const Corpus> corpus);
    void setEventIndex(std::shared_ptr<const EventIndex> index);
    const Corpus *corpus() const;
    const std::shared_ptr<const EventIndex> &eventIndex() const { return m_index; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // How an event's date reads in the user's locale: its short date format ("24/02/2022"),
    // the month's name and year ("mai 2024"), the year ("2014"), or "Undated".
    static QString dateText(const DateValue &date);
    static QString actorsText(const Event &event);  // "Wang Yi, Sergueï Lavrov"

private:
    std::shared_ptr<const EventIndex> m_index;
};

} // namespace dateline
