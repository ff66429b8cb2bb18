#pragma once

#include "eventfilter.h"

#include <QList>
#include <QStringList>

#include <array>
#include <memory>

namespace dateline {

struct Corpus;

// The counts beside the filter's check boxes: for each actor and each type, how many events pass
// every criterion but the one that actor or type belongs to, so that unchecking an actor never
// zeroes its own count. With EventFilter::allActors an actor's count also requires the event to name
// all the other checked actors (see count()). One pass over the events per call.
class FilterFacets final
{
public:
    struct Counts
    {
        QList<int> actors;                          // by index into actors()
        std::array<int, kEventTypeCount> types{};   // by int(EventType)
    };

    void setCorpus(std::shared_ptr<const Corpus> corpus);

    // Every actor of the corpus once, in order of first appearance.
    const QStringList &actors() const { return m_actors; }
    // Whether the gazetteer does not know the actor: named in the text but not a listed entry.
    bool isUnlisted(int actor) const { return m_unlisted.at(actor); }

    // Builds the folded texts on the first search, not on every corpus load.
    Counts count(const EventFilter &filter);

private:
    void foldTexts();

    std::shared_ptr<const Corpus> m_corpus;
    QStringList m_actors;
    QList<bool> m_unlisted;
    QList<int> m_actorIds;              // each event's actors as indexes into m_actors, event after event
    QList<qsizetype> m_firstActorId;    // where each event's run starts in m_actorIds; one entry more than events
    QStringList m_foldedSentences;      // by event
    QStringList m_foldedTitles;         // by article
};

} // namespace dateline
