#include "filterfacets.h"

#include "corpus.h"
#include "textfolding.h"

#include <QHash>

#include <algorithm>

namespace dateline {

void FilterFacets::setCorpus(std::shared_ptr<const Corpus> corpus)
{
    m_corpus = std::move(corpus);
    m_actors.clear();
    m_unlisted.clear();
    m_actorIds.clear();
    m_firstActorId.clear();
    m_foldedSentences.clear();
    m_foldedTitles.clear();
    if (!m_corpus)
        return;

    QHash<QString, int> ids;
    m_firstActorId.reserve(m_corpus->events.size() + 1);
    for (const Event &event : m_corpus->events) {
        m_firstActorId.append(m_actorIds.size());
        for (const QString &actor : event.actors) {
            auto it = ids.find(actor);
            if (it == ids.end()) {
                it = ids.insert(actor, int(m_actors.size()));
                m_actors.append(actor);
                m_unlisted.append(false);
            }
            m_actorIds.append(it.value());
            if (event.unlistedActors.contains(actor))
                m_unlisted[it.value()] = true;
        }
    }
    m_firstActorId.append(m_actorIds.size());
}

void FilterFacets::foldTexts()
{
    m_foldedTitles.clear();
    m_foldedSentences.clear();
    m_foldedTitles.reserve(m_corpus->articles.size());
    for (const Article &article : m_corpus->articles)
        m_foldedTitles.append(foldForMatching(article.title));
    m_foldedSentences.reserve(m_corpus->events.size());
    for (const Event &event : m_corpus->events)
        m_foldedSentences.append(foldForMatching(m_corpus->articles.at(event.article).textOf(event.evidence)));
}

FilterFacets::Counts FilterFacets::count(const EventFilter &filter)
{
    Counts counts;
    counts.actors.fill(0, m_actors.size());
    if (!m_corpus)
        return counts;

    // The same criteria as EventFilter::accepts, split so that each facet can skip its own.
    QList<bool> selected;
    if (!filter.actors.isEmpty()) {
        selected.reserve(m_actors.size());
        for (const QString &actor : std::as_const(m_actors))
            selected.append(filter.actors.contains(actor));
    }
    const QString needle = foldForMatching(filter.text.trimmed());
    if (!needle.isEmpty() && m_foldedTitles.size() != m_corpus->articles.size())
        foldTexts();

    const QList<Event> &events = m_corpus->events;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &event = events.at(i);
        if (!filter.acceptsDate(event.date))
            continue;
        if (!needle.isEmpty() && !m_foldedSentences.at(i).contains(needle) && !m_foldedTitles.at(event.article).contains(needle))
            continue;
        const auto first = m_actorIds.cbegin() + m_firstActorId.at(i);
        const auto last = m_actorIds.cbegin() + m_firstActorId.at(i + 1);
        const bool typePasses = !filter.noTypes && (filter.types.isEmpty() || filter.types.contains(event.type));
        // With allActors, an actor's count is the number of events that pass every other criterion AND
        // name all the other checked actors AND this one. An event naming this actor names all the
        // others exactly when it names every checked actor: if this actor is checked it is one of them,
        // and if not, "the others" are all of them. So one test serves every actor of the event, and
        // the same test is the actor criterion the type counts apply.
        bool actorsMatch = true;
        if (!selected.isEmpty()) {
            if (filter.allActors) {
                qsizetype named = 0;  // distinct checked actors the event names
                for (auto it = first; it != last; ++it)
                    if (selected.at(*it) && std::find(first, it, *it) == it)
                        ++named;
                actorsMatch = named == filter.actors.size();  // a name the corpus lacks is never named
            } else {
                actorsMatch = std::any_of(first, last, [&](int actor) { return selected.at(actor); });
            }
        }
        const bool actorsPass = !filter.noActors && actorsMatch;
        if (typePasses && (!filter.allActors || actorsMatch))
            std::for_each(first, last, [&](int actor) { ++counts.actors[actor]; });
        if (actorsPass)
            ++counts.types.at(std::size_t(event.type));
    }
    return counts;
}

} // namespace dateline
