#pragma once

#include "article.h"
#include "articlereader.h"
#include "event.h"
#include "eventextractor.h"
#include "frenchdatetagger.h"
#include "gazetteer.h"
#include "publicationdatefinder.h"

namespace dateline {

// The whole pipeline for one article: read, date, tag, find events. Built once (it loads
// every resource) and then used from any number of threads: all its work is const.
class Extractor final
{
public:
    Extractor();
    Q_DISABLE_COPY_MOVE(Extractor)

    // Beyond this many events an article is not an article (a dump of pages, a generated list):
    // the rest are dropped, with a problem saying so, to bound what one file can take.
    static constexpr qsizetype kMaxEventsPerArticle = 10'000;

    struct Result
    {
        Article article;
        QList<Event> events;
    };

    Result extractFile(const QString &path, FileStamp *stamp = nullptr) const;  // see ArticleReader::readFile()
    Result extract(Article article) const;
    Result extract(const QByteArray &bytes, const QString &fileName) const;

    const Gazetteer &gazetteer() const { return m_gazetteer; }
    const FrenchDateTagger &tagger() const { return m_tagger; }
    const ArticleReader &reader() const { return m_reader; }
    const PublicationDateFinder &publicationDateFinder() const { return m_publicationDates; }
    const EventExtractor &eventExtractor() const { return m_events; }

private:
    ArticleReader m_reader;
    FrenchDateTagger m_tagger;
    Gazetteer m_gazetteer;
    PublicationDateFinder m_publicationDates{m_tagger};
    EventExtractor m_events{m_gazetteer};
};

} // namespace dateline
