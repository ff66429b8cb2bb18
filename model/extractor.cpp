#include "extractor.h"

namespace dateline {

Extractor::Extractor() = default;

Extractor::Result Extractor::extractFile(const QString &path, FileStamp *stamp) const
{
    return extract(m_reader.readFile(path, stamp));
}

Extractor::Result Extractor::extract(const QByteArray &bytes, const QString &fileName) const
{
    return extract(m_reader.read(bytes, fileName));
}

Extractor::Result Extractor::extract(Article article) const
{
    Result result;
    if (!article.text.isEmpty()) {
        std::optional<QList<TimeExpression>> undatedTags;
        m_publicationDates.date(article, &undatedTags);
        // Tagged against no reference already, if the article stayed undated. The dates are not
        // kept: a loading corpus holds every result until the last file is read.
        bool cut = false;
        const QList<TimeExpression> dates = undatedTags && !article.published.isValid()
                                                ? std::move(*undatedTags)
                                                : m_tagger.tag(article.extractableText(), article.published, &cut);
        if (cut)
            article.problems.append(FrenchDateTagger::cutProblem());
        result.events = m_events.extract(article, dates, &article.unlistedActors, kMaxEventsPerArticle);
        if (result.events.size() > kMaxEventsPerArticle) {
            article.problems.append(QStringLiteral("over %1 events found: only the first %1 are kept").arg(kMaxEventsPerArticle));
            result.events.resize(kMaxEventsPerArticle);
            result.events.squeeze();
        }
    }
    result.article = std::move(article);
    return result;
}

} // namespace dateline
