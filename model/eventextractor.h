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

    struct Typing
    {
        EventType type = EventType::Other;
        qsizetype cueEnd = 0;  // offset in the sentence just after the cue that decided the type
    };
    // The event type of a sentence: the first type one of whose verbs it uses, else the first
    // one of whose nouns it holds; none if it has no cue. `sentence` is the original text (cues
    // must be lower case there: "ministre du Commerce" is a title), `folded` its foldForMatching().
    std::optional<Typing> typeOf(QStringView sentence, QStringView folded) const;

private:
    struct Cues
    {
        EventType type;
        QRegularExpression verbs;
        QRegularExpression nouns;
    };
    const Gazetteer &m_gazetteer;
    QList<Cues> m_cues;
};

} // namespace dateline
