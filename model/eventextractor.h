#pragma once

#include "article.h"
#include "event.h"
#include "frenchdatetagger.h"

#include <QList>
#include <QRegularExpression>

namespace dateline {

class Gazetteer;

// Finds the events of a dated article: sentences with at least one actor and an event cue.
class EventExtractor final
{
public:
    explicit EventExtractor(const Gazetteer &gazetteer);

    // `dates` are the article's date expressions, tagged against its publication date.
    QList<Event> extract(const Article &article, const QList<TimeExpression> &dates, int articleIndex = -1) const;

    // The first event type whose cue occurs in the folded sentence, if any.
    std::optional<EventType> typeOf(QStringView foldedSentence) const;

private:
    const Gazetteer &m_gazetteer;
    QList<std::pair<EventType, QRegularExpression>> m_cues;
};

} // namespace dateline
