#pragma once

#include "corpus.h"

#include <QAbstractTableModel>

#include <memory>

namespace dateline {

// The articles of a corpus, one row each, with their publication dates and problems.
class ArticleModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleModel)

public:
    enum Column { FileColumn, TitleColumn, PublishedColumn, SourceColumn, EventsColumn, ProblemsColumn, ColumnCount };
    Q_ENUM(Column)

    // Unscoped on purpose: these values extend Qt::UserRole in the int-based model/view API.
    enum ArticleRole {
        PublishedRole = Qt::UserRole,  // QDate: first day of the publication date (invalid when unknown)
        PrecisionRole,                 // int(Precision) of the publication date
        PublishedAfterRole,            // QDate: lower bound when the date is unknown
        SourceRole,                    // int(PublicationSource)
        EventCountRole,                // int
        ProblemsRole,                  // QStringList
        FilePathRole,                  // QString
        SortRole,
    };
    Q_ENUM(ArticleRole)

    explicit ArticleModel(QObject *parent = nullptr);
    ~ArticleModel() override;

    void setCorpus(std::shared_ptr<const Corpus> corpus);
    const Corpus *corpus() const { return m_corpus.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Corpus> m_corpus;
    QList<int> m_eventCounts;
};

} // namespace dateline
