#pragma once

#include "eventfilter.h"

#include <QList>
#include <QStringList>

#include <array>
#include <memory>

namespace dateline {

class EventIndex;

// The counts beside the filter's check boxes: for each actor and each type, how many events pass
// every criterion but the one that actor or type belongs to, so that unchecking an actor never
// zeroes its own count. With EventFilter::allActors an actor's count also requires the event to name
// all the other checked actors (see count()). One pass over the events the dates and the text let
// through, reading actor numbers and types from the EventIndex.
class FilterFacets final
{
public:
    struct Counts
    {
        QList<int> actors;                          // by index into actors()
        std::array<int, kEventTypeCount> types{};   // by int(EventType)
    };

    void setEvents(std::shared_ptr<const EventIndex> index);
    qsizetype eventCount() const;

    // Every actor of the corpus once, in order of first appearance: index i is actor number i.
    const QStringList &actors() const { return m_actors; }
    // Whether the gazetteer does not know the actor: named in the text but not a listed entry.
    bool isUnlisted(int actor) const { return m_unlisted.at(actor); }

    Counts count(const EventFilter &filter) const;

private:
    std::shared_ptr<const EventIndex> m_index;
    QStringList m_actors;
    QList<bool> m_unlisted;
};

} // namespace dateline
