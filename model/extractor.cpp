#include "extractor.h"

namespace dateline {

Extractor::Extractor() = default;

Extractor::Result Extractor::extractFile(const QString &path) const { return extract(m_reader.readFile(path)); }

Extractor::Result Extractor::extract(const QByteArray &bytes, const QString &fileName) const
{
    return extract(m_reader.read(bytes, fileName));
}

Extractor::Result Extractor::extract(Article article) const
{
    Result result;
    if (!article.text.isEmpty()) {
        m_publicationDates.date(article);
        result.dates = m_tagger.tag(article.extractableText(), article.published);
        result.events = m_events.extract(article, result.dates);
    }
    result.article = std::move(article);
    return result;
}

} // namespace dateline
