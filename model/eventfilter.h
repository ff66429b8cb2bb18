#pragma once

#include "event.h"

#include <QSet>
#include <QString>

namespace dateline {

struct Article;

// Which events to show or export. Empty criteria let everything through.
struct EventFilter
{
    QSet<QString> actors;      // canonical names; an event passes with any of them (all of them with allActors)
    QSet<EventType> types;
    DateValue from;            // an event passes if its dates overlap [from, to]
    DateValue to;
    QString text;              // case- and accent-insensitive, in the sentence or the article title
    // Every actor, or every type, unchecked: nothing passes. An empty set cannot say this,
    // since it already means "no criterion", and a sentinel name could collide with a real one.
    bool noActors = false;
    bool noTypes = false;
    bool allActors = false;  // an event must name every actor in the set, not just one

    // allActors alone is no criterion: with an empty actor set there is nothing to name.
    bool isEmpty() const
    {
        return actors.isEmpty() && types.isEmpty() && !from.isValid() && !to.isValid() && text.isEmpty() && !noActors && !noTypes;
    }
    bool accepts(const Event &event, const Article &article) const;
    bool acceptsDate(const DateValue &date) const;
    // The criteria in words, for chart titles and captions: "actors Wang Yi or Xi Jinping" ("and" with
    // allActors); "type meeting;
    // from 2024-01"; "all events" when empty.
    QString description() const;

    friend bool operator==(const EventFilter &, const EventFilter &) = default;
};

} // namespace dateline
