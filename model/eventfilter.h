#pragma once

#include "event.h"

#include <QSet>
#include <QString>

namespace dateline {

struct Article;

// Which events to show or export. Empty criteria let everything through.
struct EventFilter
{
    QSet<QString> actors;      // canonical names; an event passes with any of them
    QSet<EventType> types;
    DateValue from;            // an event passes if its dates overlap [from, to]
    DateValue to;
    QString text;              // case- and accent-insensitive, in the sentence or the article title

    bool isEmpty() const { return actors.isEmpty() && types.isEmpty() && !from.isValid() && !to.isValid() && text.isEmpty(); }
    bool accepts(const Event &event, const Article &article) const;
};

} // namespace dateline
