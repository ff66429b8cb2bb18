#pragma once

#include "corpus.h"

#include <memory>

// Builds small corpora for tests: articles, and events with a sentence of their own in them.
struct CorpusBuilder
{
    std::shared_ptr<dateline::Corpus> corpus = std::make_shared<dateline::Corpus>();

    explicit CorpusBuilder(int articles = 1)
    {
        for (int i = 0; i < articles; ++i) {
            dateline::Article article;
            article.fileName = QChar(char16_t(u'a' + i)) + QStringLiteral(".txt");
            article.title = QStringLiteral("Sample");
            corpus->articles.append(article);
        }
    }

    void add(dateline::DateValue date, dateline::EventType type, QStringList actors,
             const QString &sentence = QStringLiteral("Une phrase."), int articleIndex = 0)
    {
        dateline::Article &article = corpus->articles[articleIndex];
        dateline::Event event;
        event.article = articleIndex;
        event.date = date;
        event.type = type;
        event.actors = std::move(actors);
        event.evidence = dateline::TextSpan::of(article.text.size(), article.text.size() + sentence.size());
        article.text += sentence + u' ';
        event.confidence = 0.5f;
        corpus->events.append(event);
    }
};
