#include "eventexport.h"

#include "corpus.h"
#include "eventfilter.h"
#include "textfolding.h"

#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

QJsonValue isoOrNull(const DateValue &date) { return date.isValid() ? QJsonValue(date.toIso()) : QJsonValue(); }

QJsonValue stringOrNull(QStringView text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text.toString()); }

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

// Visits the events the filter accepts with their article and its code point offsets.
template<typename Visit>
void forEachAcceptedEvent(const Corpus &corpus, const EventFilter &filter, Visit visit)
{
    int offsetsArticle = -1;
    std::optional<CodePointOffsets> offsets;
    for (const Event &event : corpus.events) {
        const Article &article = corpus.articles.at(event.article);
        if (!filter.accepts(event, article))
            continue;
        if (event.article != offsetsArticle) {
            offsets.emplace(article.text);
            offsetsArticle = event.article;
        }
        visit(event, article, *offsets);
    }
}

} // namespace

QJsonObject eventsToJson(const Corpus &corpus, const EventFilter &filter)
{
    QJsonArray articles;
    const QList<QStringList> actors = corpus.actorsByArticle();
    for (int i = 0; i < corpus.articles.size(); ++i) {
        const Article &article = corpus.articles.at(i);
        articles.append(QJsonObject{
            {u"file"_s, article.fileName},
            {u"title"_s, article.title},
            {u"published"_s, isoOrNull(article.published)},
            {u"published_source"_s, publicationSourceName(article.publishedSource)},
            {u"published_after"_s, isoOrNull(article.publishedAfter)},
            {u"actors"_s, QJsonArray::fromStringList(actors.at(i))},
            {u"problems"_s, QJsonArray::fromStringList(article.problems)},
        });
    }
    QJsonArray events;
    forEachAcceptedEvent(corpus, filter, [&](const Event &event, const Article &article, const CodePointOffsets &offsets) {
        events.append(QJsonObject{
            {u"article"_s, article.fileName},
            {u"date"_s, isoOrNull(event.date)},
            {u"precision"_s, precisionName(event.date.precision())},
            {u"date_text"_s, stringOrNull(article.textOf(event.dateSpan))},
            {u"actors"_s, QJsonArray::fromStringList(event.actors)},
            {u"unlisted_actors"_s, QJsonArray::fromStringList(unlistedActors(event, article))},
            {u"type"_s, eventTypeName(event.type)},
            {u"location"_s, stringOrNull(article.textOf(event.locationSpan))},
            {u"sentence"_s, article.textOf(event.evidence).toString()},
            {u"start"_s, offsets(event.evidence.start)},
            {u"end"_s, offsets(event.evidence.end)},
            {u"confidence"_s, qRound(event.confidence * 100) / 100.0},
        });
    });
    QJsonArray problems;
    for (const Problem &problem : corpus.problems)
        problems.append(QJsonObject{{u"file"_s, problem.file}, {u"message"_s, problem.message}});
    return {{u"articles"_s, articles}, {u"events"_s, events}, {u"problems"_s, problems}};
}

QByteArray eventsToCsv(const Corpus &corpus, const EventFilter &filter)
{
    QString csv = u"article,date,precision,date_text,actors,unlisted_actors,type,location,sentence,start,end,confidence\n"_s;
    forEachAcceptedEvent(corpus, filter, [&](const Event &event, const Article &article, const CodePointOffsets &offsets) {
        const QStringList fields{
            article.fileName, event.date.toIso(), precisionName(event.date.precision()), article.textOf(event.dateSpan).toString(),
            event.actors.join(u"; "), unlistedActors(event, article).join(u"; "), eventTypeName(event.type), article.textOf(event.locationSpan).toString(),
            article.textOf(event.evidence).toString(),
            QString::number(offsets(event.evidence.start)),
            QString::number(offsets(event.evidence.end)),
            QString::number(event.confidence, 'f', 2)};
        QStringList escaped;
        for (const QString &field : fields)
            escaped.append(csvField(field));
        csv += escaped.join(u',') + u'\n';
    });
    return csv.toUtf8();
}

} // namespace dateline
